#include "modules/workshop/workshop.hpp"

#include "modules/workshop/domain/order_status.hpp"
#include "modules/workshop/workshop_impl.hpp"

namespace mg::workshop {

Workshop::Workshop(db::Database& db) : impl_(std::make_unique<Impl>(db)) {}
Workshop::~Workshop() = default;

void Workshop::register_routes(http::Router& router) {
  register_customer_routes(*impl_, router);
  register_motorcycle_routes(*impl_, router);
  register_part_routes(*impl_, router);
  register_stock_routes(*impl_, router);
  register_order_routes(*impl_, router);
  register_order_item_routes(*impl_, router);
}

json::object Workshop::overview(std::int64_t tenant_id) {
  auto r = impl_->db.read(tenant_id, db::q("select status, count(*) as n from service_orders "
                                           "group by status"));
  json::object by_status;
  for (auto s : kAllOrderStatuses) by_status[to_string(s)] = 0;
  std::int64_t total = 0, open = 0;
  for (int i = 0; i < r.size(); ++i) {
    const auto n = r[i].i64("n");
    const auto status = parse_order_status(r[i].text("status"));
    if (!status) continue;
    by_status[to_string(*status)] = n;
    total += n;
    if (!items_locked(*status)) open += n;
  }
  return json::object{{"total", total},
                      {"open", open},
                      {"completed", by_status["COMPLETED"]},
                      {"by_status", std::move(by_status)}};
}

// The caller's transaction already has the demo tenant set.
void Workshop::seed_demo(db::Tx& tx, std::int64_t, std::int64_t user_id) {
  seed_demo_data(tx, user_id);
}

std::optional<std::string> optional_text(json::Input& in, std::string_view key,
                                         std::size_t max_length) {
  auto s = in.text(key, {.max_length = max_length});
  if (s && s->empty()) return std::nullopt;
  return s;
}

std::optional<bool> read_active_filter(const http::Request& req) {
  auto v = req.query_param("active");
  if (!v || v->empty() || *v == "1" || *v == "true") return true;
  if (*v == "0" || *v == "false") return false;
  if (*v == "all") return std::nullopt;
  throw errors::bad_request("Parâmetro 'active' deve ser 1, 0 ou all.");
}

std::optional<std::string> read_search(const http::Request& req) {
  auto q = req.query_param("q");
  if (!q) return std::nullopt;
  auto first = q->find_first_not_of(" \t");
  if (first == std::string::npos) return std::nullopt;
  auto last = q->find_last_not_of(" \t");
  if (last - first + 1 > 100) throw errors::bad_request("Parâmetro 'q' muito longo.");
  return q->substr(first, last - first + 1);
}

}  // namespace mg::workshop
