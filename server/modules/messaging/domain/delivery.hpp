#pragma once
// What the relay does after a try: the outcome of one call to a provider, and
// when to try again (exponential backoff with jitter, then the dead letter).
#include <cstdint>
#include <string>

namespace mg::messaging {

enum class Outcome {
  sent,            // the provider accepted it (provider_id set)
  retry,           // a passing failure: 5xx, timeout, no answer
  throttled,       // the provider asked us to slow down (WhatsApp 130429/131056, HTTP 429)
  outside_window,  // WhatsApp 131047: only an approved template may go now
  failed,          // refused for good (bad token, bad number): no retry helps
};

struct SendResult {
  Outcome outcome = Outcome::retry;
  std::string provider_id;      // wamid…, Evolution key id, Telegram message_id
  std::string error;            // for the message's `error` (pt-BR prefix, provider detail)
  int retry_after_seconds = 0;  // the provider's own hint, when it gave one
  // The channel itself failed, not this message: credentials refused, the account or
  // instance unknown, the provider unreachable. Every message through it fails alike.
  bool channel_fault = false;
};

// The delay before try `attempt + 1` after `attempt` tries (1, 2, …): base · 2^(attempt−1),
// at most 6 h, drawn uniformly from its upper half (`unit` in [0, 1)) so that
// relays retrying together spread out. A throttled try waits at least 4× base and at
// least the provider's hint.
std::int64_t retry_delay_ms(int attempt, std::int64_t base_ms, double unit);
std::int64_t next_delay_ms(const SendResult& r, int attempt, std::int64_t base_ms, double unit);

// What becomes of a message after a try that did not send it.
enum class Next { retry_later, dead_letter };
Next after_failure(const SendResult& r, int attempt, int max_attempts);

}  // namespace mg::messaging
