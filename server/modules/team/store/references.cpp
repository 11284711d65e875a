#include "modules/team/store/references.hpp"

#include <vector>

namespace mg::team::store {
namespace {

// Customers and orders are the workshop's: read across modules, never written here.
const db::Statement kStaff("team_refs.staff", "select is_active from staff where id = $1");
const db::Statement kCustomer("team_refs.customer", "select id from customers where id = $1");
const db::Statement kOrder("team_refs.order",
                           "select customer_id from service_orders where id = $1");

}  // namespace

Result<void> check_references(TenantId, db::Tx& tx, References& refs) {
  std::vector<db::Query> queries;
  const bool staff = refs.check_staff && refs.staff;
  if (staff) queries.push_back(db::q(kStaff, *refs.staff));
  if (refs.customer) queries.push_back(db::q(kCustomer, *refs.customer));
  if (refs.order) queries.push_back(db::q(kOrder, *refs.order));
  if (queries.empty()) return {};
  auto r = tx.exec_batch(queries);
  std::size_t next = 0;
  ErrorDetails problems;
  if (staff) {
    const auto& s = r[next++];
    if (s.empty())
      problems.emplace_back(refs.staff_field, "membro da equipe não encontrado");
    else if (!s[0].boolean("is_active"))
      problems.emplace_back(refs.staff_field, "membro da equipe inativo");
  }
  if (refs.customer && r[next++].empty())
    problems.emplace_back("customer_id", "cliente não encontrado");
  if (refs.order) {
    const auto& o = r[next++];
    if (o.empty()) {
      problems.emplace_back("related_order_id", "OS não encontrada");
    } else {
      const workshop::CustomerId owner{o[0].i64("customer_id")};
      if (!refs.customer)
        refs.customer = owner;
      else if (*refs.customer != owner && problems.empty())
        problems.emplace_back("related_order_id", "a OS não é deste cliente");
    }
  }
  if (problems.empty()) return {};
  auto message =
      "Referência inválida: " + problems.front().first + " " + problems.front().second + ".";
  return fail::invalid(std::move(message), std::move(problems));
}

}  // namespace mg::team::store
