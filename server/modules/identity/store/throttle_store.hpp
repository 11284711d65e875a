#pragma once
// SQL for the login throttle's counters and known sources (global tables:
// they are read before a tenant is known). Keys are hashed here.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "libs/db/database.hpp"
#include "modules/identity/domain/login_throttle.hpp"

namespace mg::identity::store {

// hex sha256 of the text: what the tables keep instead of e-mails and addresses.
std::string throttle_key(std::string_view text);

// The counters of these keys, locked for the transaction (absent: zero).
std::map<std::string, ThrottleCounter> lock_counters(db::Tx& tx,
                                                     const std::vector<std::string>& keys);
void save_counter(db::Tx& tx, const std::string& key, const ThrottleCounter& c);
void clear_counters(db::Tx& tx, const std::vector<std::string>& keys);
// Whether any of these sources logged in within `days`.
bool known_source(db::Tx& tx, const std::vector<std::string>& keys, int days);
void remember_sources(db::Tx& tx, const std::vector<std::string>& keys);

}  // namespace mg::identity::store
