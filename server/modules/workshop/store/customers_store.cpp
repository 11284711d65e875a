#include "modules/workshop/store/customers_store.hpp"

#include <cctype>

#include "libs/db/constraints.hpp"
#include "libs/db/filter.hpp"
#include "modules/workshop/store/search.hpp"

namespace mg::workshop::store {
namespace {

// The consent to messages is messaging's row (a read across modules): when and how it
// was given, while it holds.
const std::string kColumns =
    "c.id, c.name, c.phone, c.email, c.document, c.notes, c.is_active, "
    "iso_utc(c.created_at) as created_at, iso_utc(c.updated_at) as updated_at, "
    "coalesce(mc.opt_in, false) as messaging_opt_in, "
    "case when mc.opt_in then iso_utc(mc.opt_in_at) end as messaging_opt_in_at, "
    "case when mc.opt_in then mc.opt_in_source end as messaging_opt_in_source ";
const std::string kConsent =
    "left join messaging_contacts mc on mc.tenant_id = c.tenant_id and mc.customer_id = c.id ";

// The page is picked from the index alone (customers_list holds what the
// filters read), then its rows are read.
const std::string kList = "select " + kColumns + "from (select c.id from customers c {where} " +
                          "order by lower(c.name), c.id limit {1} offset {2}) p " +
                          "join customers c on c.tenant_id = current_tenant() and c.id = p.id " +
                          kConsent + "order by lower(c.name), c.id";
const std::string kCount = "select count(*) as n from customers c {where}";
const db::Statement kFind("customers.find", "select " + kColumns + "from customers c " + kConsent +
                                                "where c.id = $1");
const db::Statement kLock("customers.lock", "select " + kColumns + "from customers c " + kConsent +
                                                "where c.id = $1 for update of c");
const db::Statement kInsert(
    "customers.insert",
    "insert into customers (tenant_id, name, phone, email, document, notes, is_active) "
    "values ($1, $2, $3, $4, $5, $6, $7) returning id");
const db::Statement kUpdate(
    "customers.update",
    "update customers set name = $2, phone = $3, email = $4, document = $5, notes = $6, "
    "is_active = $7, updated_at = now() where id = $1");
const db::Statement kDeactivate(
    "customers.deactivate",
    "update customers set is_active = false, updated_at = now() where id = $1");

const db::Constraints kConstraints{
    {"customers_document_key",
     fail::conflict("Já existe um cliente com este documento.", {{"document", "já cadastrado"}})}};

// A word that is a number with punctuation ("(11)", "9876-5432", "123.456")
// also matches the digits stored for phones and documents.
bool numeric(std::string_view word) {
  bool digit = false;
  for (unsigned char c : word) {
    if (std::isdigit(c)) {
      digit = true;
    } else if (std::isalpha(c) || c >= 0x80 || c == '@') {
      return false;
    }
  }
  return digit;
}

db::Filter filter_of(const CustomerFilter& f) {
  static const std::string kText = "(" + matches("c.search") + ")";
  static const std::string kDigits =
      "(" + matches("c.search") +
      " or c.phone like (select '%' || regexp_replace(?, '\\D', '', 'g') || '%')"
      " or c.document like (select '%' || regexp_replace(?, '\\D', '', 'g') || '%'))";
  db::Filter filter;
  if (f.q)
    for (const auto& word : search_words(*f.q))
      filter.where(numeric(word) ? "qd" : "q", numeric(word) ? kDigits : kText, db::val(word));
  filter.where("active", "c.is_active = ?", f.active);
  return filter;
}

}  // namespace

db::Read<db::Page<CustomerRow>> read_customers(const CustomerFilter& f, db::Paging page) {
  const auto filter = filter_of(f);
  return db::page_read<CustomerRow>(
      filter.query("customers.list", kList, {db::val(page.limit), db::val(page.offset)}),
      filter.query("customers.count", kCount));
}

db::Read<std::optional<CustomerDetail>> read_customer(CustomerId id) {
  return {{db::q(kFind, id), customer_motorcycles_query(id)},
          [](const std::vector<db::Result>& r) -> std::optional<CustomerDetail> {
            auto customer = r[0].first<CustomerRow>();
            if (!customer) return std::nullopt;
            return CustomerDetail{std::move(*customer), r[1].as<MotorcycleRow>()};
          }};
}

std::optional<CustomerRow> find_customer(TenantId, db::Tx& tx, CustomerId id, bool for_update) {
  return tx.exec(for_update ? kLock : kFind, id).first<CustomerRow>();
}

Result<CustomerId> insert_customer(TenantId tenant, db::Tx& tx, const CustomerFields& f) {
  return kConstraints.guard([&] {
    return CustomerId{
        tx.exec(kInsert, tenant, f.name, f.phone, f.email, f.document, f.notes, f.is_active)[0].i64(
            "id")};
  });
}

Result<void> update_customer(TenantId, db::Tx& tx, CustomerId id, const CustomerFields& f) {
  return kConstraints.guard(
      [&] { tx.exec(kUpdate, id, f.name, f.phone, f.email, f.document, f.notes, f.is_active); });
}

bool deactivate_customer(TenantId, db::Tx& tx, CustomerId id) {
  return tx.exec(kDeactivate, id).affected() > 0;
}

}  // namespace mg::workshop::store
