#pragma once
// The secrets of messaging: channel credentials sealed at rest (libsodium
// secretbox, XSalsa20-Poly1305), webhook signatures (HMAC-SHA256, compared in
// constant time) and random link tokens.
#include <optional>
#include <string>
#include <string_view>

namespace mg::messaging::crypto {

// The 32-byte key written as 64 hex digits; nullopt when it is not.
std::optional<std::string> key_from_hex(std::string_view hex);

// nonce (24 random bytes) || box. `key` is 32 bytes.
std::string seal(std::string_view key, std::string_view plaintext);
// nullopt when the box was not sealed with `key` or was changed.
std::optional<std::string> open(std::string_view key, std::string_view sealed);

std::string to_hex(std::string_view bytes);
std::optional<std::string> from_hex(std::string_view hex);

std::string hmac_sha256_hex(std::string_view key, std::string_view message);
bool equal_constant_time(std::string_view a, std::string_view b);
// WhatsApp's X-Hub-Signature-256: "sha256=<hex HMAC-SHA256(app_secret, raw body)>".
bool valid_hub_signature(std::string_view app_secret, std::string_view body,
                         std::string_view header);

// `bytes` random bytes as base64url without padding: [A-Za-z0-9_-] (Telegram's
// secret_token and start payload alphabet).
std::string random_token(std::size_t bytes);

}  // namespace mg::messaging::crypto
