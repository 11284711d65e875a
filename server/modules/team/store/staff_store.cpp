#include "modules/team/store/staff_store.hpp"

#include "libs/db/constraints.hpp"
#include "libs/db/filter.hpp"

namespace mg::team::store {
namespace {

// The login's name and e-mail come from identity's users (a read across modules).
const std::string kColumns =
    "s.id, s.name, s.role, s.phone, s.email, s.user_id, u.name as user_name, "
    "u.email as user_email, s.is_active, s.labor_commission_bp as labor_commission_percent, "
    "s.parts_commission_bp as parts_commission_percent, iso_utc(s.created_at) as created_at, "
    "iso_utc(s.updated_at) as updated_at ";
const std::string kFrom =
    "from staff s left join users u on u.tenant_id = s.tenant_id and u.id = s.user_id ";

const std::string kList = "select " + kColumns + kFrom +
                          "{where} order by s.is_active desc, lower(s.name), s.id "
                          "limit {1} offset {2}";
const std::string kCount = "select count(*) as n from staff s {where}";
const db::Statement kFind("staff.find", "select " + kColumns + kFrom + "where s.id = $1");
const db::Statement kLock("staff.lock",
                          "select " + kColumns + kFrom + "where s.id = $1 for update of s");
const db::Statement kOfUser("staff.of_user", "select " + kColumns + kFrom + "where s.user_id = $1");
const db::Statement kIdOfUser("staff.id_of_user", "select id from staff where user_id = $1");
const db::Statement kUserExists("staff.user_exists", "select id from users where id = $1");
const db::Statement kInsert(
    "staff.insert",
    "insert into staff (tenant_id, name, role, phone, email, user_id, is_active, "
    "labor_commission_bp, parts_commission_bp) values ($1, $2, $3, $4, $5, $6, $7, $8, $9) "
    "returning id");
const db::Statement kUpdate(
    "staff.update",
    "update staff set name = $2, role = $3, phone = $4, email = $5, user_id = $6, "
    "is_active = $7, labor_commission_bp = $8, parts_commission_bp = $9, updated_at = now() "
    "where id = $1");

const db::Constraints kConstraints{
    {"staff_user_key", fail::conflict("Este login já está ligado a outro membro da equipe.",
                                      {{"user_id", "já vinculado a outro membro da equipe"}})},
    // The key carries tenant_id: another workshop's user cannot be linked.
    {"staff_user_fk", fail::invalid("Login inválido.", {{"user_id", "usuário não encontrado"}})}};

Result<void> check_user(db::Tx& tx, const std::optional<UserId>& user) {
  if (user && tx.exec(kUserExists, *user).empty())
    return fail::invalid("Login inválido.", {{"user_id", "usuário não encontrado"}});
  return {};
}

}  // namespace

db::Page<StaffRow> list_staff(TenantId tenant, db::Database& db, const StaffFilter& f,
                              db::Paging page) {
  db::Filter filter;
  filter.where("active", "s.is_active = ?", f.active);
  auto r = db.read(tenant,
                   {filter.query("staff.list", kList, {db::val(page.limit), db::val(page.offset)}),
                    filter.query("staff.count", kCount)});
  return {r[0].as<StaffRow>(), r[1][0].i64("n")};
}

std::optional<StaffRow> find_staff(TenantId tenant, db::Database& db, StaffId id) {
  return db.read(tenant, db::q(kFind, id)).first<StaffRow>();
}

std::optional<StaffRow> find_staff(TenantId, db::Tx& tx, StaffId id, bool for_update) {
  return tx.exec(for_update ? kLock : kFind, id).first<StaffRow>();
}

std::optional<StaffRow> find_staff_of_user(TenantId tenant, db::Database& db, UserId user) {
  return db.read(tenant, db::q(kOfUser, user)).first<StaffRow>();
}

std::optional<StaffId> staff_id_of_user(TenantId, db::Tx& tx, UserId user) {
  auto r = tx.exec(kIdOfUser, user);
  if (r.empty()) return std::nullopt;
  return StaffId{r[0].i64("id")};
}

Result<StaffId> insert_staff(TenantId tenant, db::Tx& tx, const StaffFields& f) {
  if (auto ok = check_user(tx, f.user_id); !ok) return ok.error();
  return kConstraints.guard([&] {
    return StaffId{tx.exec(kInsert, tenant, f.name, f.role, f.phone, f.email, f.user_id,
                           f.is_active, f.labor_commission.hundredths,
                           f.parts_commission.hundredths)[0]
                       .i64("id")};
  });
}

Result<void> update_staff(TenantId, db::Tx& tx, StaffId id, const StaffFields& f) {
  if (auto ok = check_user(tx, f.user_id); !ok) return ok.error();
  return kConstraints.guard([&] {
    tx.exec(kUpdate, id, f.name, f.role, f.phone, f.email, f.user_id, f.is_active,
            f.labor_commission.hundredths, f.parts_commission.hundredths);
  });
}

}  // namespace mg::team::store
