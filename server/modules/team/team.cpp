#include "modules/team/team.hpp"

#include "libs/core/dates.hpp"
#include "modules/team/store/reports_store.hpp"
#include "modules/team/team_impl.hpp"

namespace mg::team {
namespace {

json::value overview_json(const std::vector<db::Result>& r) {
  return json::object{{"open_count", r[0][0].i64("open_count")},
                      {"late_count", r[0][0].i64("late_count")},
                      {"due_today", r[0][0].i64("due_today")}};
}

}  // namespace

Team::Team(db::Database& db) : db_(db) {}
Team::~Team() = default;

void Team::routes(api::Routes& routes) {
  register_staff_routes(routes);
  register_task_routes(routes);
  register_interaction_routes(routes);
  register_report_routes(routes);
}

void Team::seed_demo(db::Tx& tx, TenantId tenant, UserId user) {
  seed_demo_data(tenant, tx, user);
}

std::vector<api::OverviewPart> Team::overview() const {
  return {{"tasks", {store::overview_query()}, overview_json}};
}

Result<InteractionId> record_interaction(TenantId tenant, db::Tx& tx, const std::string& channel,
                                         const std::string& direction,
                                         std::optional<std::string> summary,
                                         std::optional<std::string> details,
                                         std::optional<workshop::CustomerId> customer) {
  store::InteractionFields f;
  f.channel = channel;
  f.direction = direction;
  f.summary = std::move(summary);
  f.details = std::move(details);
  f.customer_id = customer;
  return store::insert_interaction(tenant, tx, f, std::nullopt);
}

std::optional<std::string> optional_text(json::Input& in, std::string_view key,
                                         std::size_t max_length) {
  auto s = in.text(key, {.max_length = max_length});
  if (s && s->empty()) return std::nullopt;
  return s;
}

std::optional<std::string> read_date(json::Input& in, std::string_view key) {
  auto text = optional_text(in, key, 10);
  if (text && !dates::is_valid_date(*text)) {
    in.fail(std::string(key), "data inválida (use AAAA-MM-DD)");
    return std::nullopt;
  }
  return text;
}

std::optional<std::string> read_word(json::Input& in, std::string_view key,
                                     std::span<const std::string_view> words, bool required) {
  auto text = in.text(key, {.required = required, .max_length = 20});
  if (!text || text->empty()) return std::nullopt;
  auto word = one_of(words, *text);
  if (!word) in.fail(std::string(key), "use " + choices_pt(words));
  return word;
}

std::optional<std::string> query_word(const api::Context& ctx, std::string_view name,
                                      std::span<const std::string_view> words) {
  auto text = ctx.query_text(name, 20);
  if (!text) return std::nullopt;
  auto word = one_of(words, *text);
  if (!word)
    throw errors::bad_request("Parâmetro '" + std::string(name) + "' deve ser " +
                              choices_pt(words) + ".");
  return word;
}

std::optional<std::string> query_date(const api::Context& ctx, std::string_view name) {
  auto text = ctx.query_text(name, 10);
  if (!text) return std::nullopt;
  if (!dates::is_valid_date(*text))
    throw errors::bad_request("Parâmetro '" + std::string(name) +
                              "' deve ser uma data AAAA-MM-DD.");
  return text;
}

std::optional<std::string> query_time_bound(const api::Context& ctx, std::string_view name,
                                            bool upper) {
  auto text = ctx.query_text(name, 40);
  if (!text) return std::nullopt;
  auto bound = dates::time_bound(*text, upper);
  if (!bound)
    throw errors::bad_request("Parâmetro '" + std::string(name) +
                              "' deve ser uma data AAAA-MM-DD ou um horário ISO 8601.");
  return bound;
}

}  // namespace mg::team
