#pragma once
// What the team's handlers share. Private to the module.
#include <boost/json/value_from.hpp>
#include <optional>
#include <string>

#include "libs/api/context.hpp"
#include "libs/api/routes.hpp"
#include "modules/team/domain/commissions.hpp"
#include "modules/team/domain/vocabulary.hpp"
#include "modules/team/store/interactions_store.hpp"
#include "modules/team/store/staff_store.hpp"
#include "modules/team/store/tasks_store.hpp"

namespace mg::team {

// Route registration, one function per resource file.
void register_staff_routes(api::Routes& routes);
void register_task_routes(api::Routes& routes);
void register_interaction_routes(api::Routes& routes);
void register_report_routes(api::Routes& routes);

// The demo tenant's team (demo_seed.cpp).
void seed_demo_data(TenantId tenant, db::Tx& tx, UserId owner);

// Percentages read as numbers: 10.5.
inline void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, Percent p) {
  jv = json::money(p.hundredths);
}

// --- reading bodies and queries

// Optional text where "" and null both mean "none".
std::optional<std::string> optional_text(json::Input& in, std::string_view key,
                                         std::size_t max_length);
// A date YYYY-MM-DD (or null / ""); a problem on `key` otherwise.
std::optional<std::string> read_date(json::Input& in, std::string_view key);
// An id (≥ 1) of a body; null or absent: nullopt.
template <class Id>
std::optional<Id> read_id(json::Input& in, std::string_view key) {
  auto n = in.integer(key, {.min = 1});
  return n ? std::optional<Id>(Id{*n}) : std::nullopt;
}
// One of `words` in a body, any case (a problem on `key` otherwise); nullopt when absent,
// null or blank (a problem when required).
std::optional<std::string> read_word(json::Input& in, std::string_view key,
                                     std::span<const std::string_view> words,
                                     bool required = false);
// One of `words`, any case; 400 naming them otherwise; nullopt when absent or blank.
std::optional<std::string> query_word(const api::Context& ctx, std::string_view name,
                                      std::span<const std::string_view> words);
// A date YYYY-MM-DD of the query (400 when malformed).
std::optional<std::string> query_date(const api::Context& ctx, std::string_view name);
// A `from`/`to` bound of the query (400 when malformed); see dates::time_bound.
std::optional<std::string> query_time_bound(const api::Context& ctx, std::string_view name,
                                            bool upper);

}  // namespace mg::team
