// The operator's reads and writes across workshops, through the SECURITY DEFINER functions of
// 0011 that only the owner role may execute (a connection of that role, no tenant set).
#include <algorithm>

#include "modules/identity/identity.hpp"

namespace mg::identity {
namespace {

const db::Statement kList("operator.tenants",
                          "select id, name, plan, owner_emails, users, created_at "
                          "from operator_tenants()");
const db::Statement kOfOwner("operator.tenant_of_owner",
                             "select operator_tenant_of_owner($1) as id");
const db::Statement kSetPlan("operator.set_plan",
                             "select id, name, old_plan, plan from operator_set_plan($1, $2)");

bool all_digits(std::string_view s) {
  return !s.empty() && s.size() <= 18 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::vector<TenantInfo> list_tenants(db::Database& owner_db) {
  return owner_db.global([](db::Tx& tx) {
    std::vector<TenantInfo> out;
    auto r = tx.exec(kList);
    for (int i = 0; i < r.size(); ++i)
      out.push_back(TenantInfo{TenantId{r[i].i64("id")}, r[i].str("name"), r[i].str("plan"),
                               r[i].str("owner_emails"), r[i].str("created_at"),
                               r[i].i64("users")});
    return out;
  });
}

std::optional<PlanChange> set_plan(db::Database& owner_db, std::string_view ref, auth::Plan plan) {
  return owner_db.global([&](db::Tx& tx) -> std::optional<PlanChange> {
    std::optional<std::int64_t> id;
    if (all_digits(ref)) {
      id = std::stoll(std::string(ref));
    } else if (ref.find('@') != std::string_view::npos) {
      id = tx.exec(kOfOwner, ref)[0].opt_i64("id");
    }
    if (!id) return std::nullopt;
    auto r = tx.exec(kSetPlan, *id, auth::to_string(plan));
    if (r.empty()) return std::nullopt;
    return PlanChange{TenantId{r[0].i64("id")}, r[0].str("name"), r[0].str("old_plan"),
                      r[0].str("plan")};
  });
}

}  // namespace mg::identity
