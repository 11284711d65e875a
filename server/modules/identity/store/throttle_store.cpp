#include "modules/identity/store/throttle_store.hpp"

#include <cmath>

#include "libs/core/digest.hpp"

namespace mg::identity::store {
namespace {

const db::Statement kLock("throttle.lock",
                          "select key, failures, consecutive, hard_locked, "
                          "extract(epoch from first_failure)::float8 as first_failure, "
                          "extract(epoch from locked_until)::float8 as locked_until "
                          "from login_throttle where key = any($1::text[]) for update");
const db::Statement kSave(
    "throttle.save",
    "insert into login_throttle (key, failures, consecutive, hard_locked, first_failure, "
    "locked_until) values ($1, $2, $3, $4, to_timestamp($5::float8), to_timestamp($6::float8)) "
    "on conflict (key) do update set failures = excluded.failures, "
    "consecutive = excluded.consecutive, hard_locked = excluded.hard_locked, "
    "first_failure = excluded.first_failure, "
    "locked_until = excluded.locked_until, updated_at = now()");
const db::Statement kClear("throttle.clear",
                           "delete from login_throttle where key = any($1::text[])");
const db::Statement kKnown("throttle.known",
                           "select 1 from login_known_sources where key = any($1::text[]) "
                           "and last_success > now() - make_interval(days => $2::int)");
const db::Statement kRemember("throttle.remember",
                              "insert into login_known_sources (key) select unnest($1::text[]) "
                              "on conflict (key) do update set last_success = now()");

// A text[] literal of hex keys (no quoting needed: [0-9a-f] only).
std::string array_of(const std::vector<std::string>& keys) {
  std::string out = "{";
  for (std::size_t i = 0; i < keys.size(); ++i) out += (i ? "," : "") + keys[i];
  return out + "}";
}

std::optional<ThrottleClock::time_point> time_of(const db::Row& r, std::string_view column) {
  if (r.is_null(column)) return std::nullopt;
  const double seconds = std::stod(std::string(r.text(column)));
  return ThrottleClock::time_point(
      std::chrono::duration_cast<ThrottleClock::duration>(std::chrono::duration<double>(seconds)));
}

std::optional<double> epoch(const std::optional<ThrottleClock::time_point>& t) {
  if (!t) return std::nullopt;
  return std::chrono::duration<double>(t->time_since_epoch()).count();
}

}  // namespace

std::string throttle_key(std::string_view text) {
  return sha256_hex(text);
}

std::map<std::string, ThrottleCounter> lock_counters(db::Tx& tx,
                                                     const std::vector<std::string>& keys) {
  std::map<std::string, ThrottleCounter> out;
  auto r = tx.exec(kLock, array_of(keys));
  for (int i = 0; i < r.size(); ++i) {
    ThrottleCounter c;
    c.failures = static_cast<int>(r[i].i64("failures"));
    c.consecutive = static_cast<int>(r[i].i64("consecutive"));
    c.hard_locked = r[i].boolean("hard_locked");
    c.first_failure = time_of(r[i], "first_failure");
    c.locked_until = time_of(r[i], "locked_until");
    out[r[i].str("key")] = c;
  }
  return out;
}

void save_counter(db::Tx& tx, const std::string& key, const ThrottleCounter& c) {
  auto text = [](std::optional<double> v) -> db::Value {
    if (!v) return std::nullopt;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.6f", *v);
    return std::string(buf);
  };
  tx.exec(kSave, key, c.failures, c.consecutive, c.hard_locked, text(epoch(c.first_failure)),
          text(epoch(c.locked_until)));
}

void clear_counters(db::Tx& tx, const std::vector<std::string>& keys) {
  tx.exec(kClear, array_of(keys));
}

bool known_source(db::Tx& tx, const std::vector<std::string>& keys, int days) {
  return !tx.exec(kKnown, array_of(keys), days).empty();
}

void remember_sources(db::Tx& tx, const std::vector<std::string>& keys) {
  tx.exec(kRemember, array_of(keys));
}

}  // namespace mg::identity::store
