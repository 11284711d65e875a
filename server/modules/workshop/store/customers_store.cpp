#include "modules/workshop/store/customers_store.hpp"

#include <cctype>

#include "libs/core/api_error.hpp"

namespace mg::workshop::store {
namespace {

#define CUSTOMER_COLUMNS                                               \
  "c.id, c.name, c.phone, c.email, c.document, c.notes, c.is_active, " \
  "iso_utc(c.created_at) as created_at, iso_utc(c.updated_at) as updated_at "

// $1 search text (escaped), $2 its digits when it is a number (phone, CPF), $3 active.
#define CUSTOMER_FILTER \
  "where ($1::text is null or c.search like " SEARCH_PATTERN("$1") " " \
  "  or ($2::text is not null and (c.phone like '%' || $2 || '%' "                \
  "                                or c.document like '%' || $2 || '%'))) "       \
  "and ($3::boolean is null or c.is_active = $3) "

constexpr std::string_view kList = "select " CUSTOMER_COLUMNS "from customers c " CUSTOMER_FILTER
                                   "order by lower(c.name), c.id limit $4 offset $5";
constexpr std::string_view kCount = "select count(*) as n from customers c " CUSTOMER_FILTER;
constexpr std::string_view kFind = "select " CUSTOMER_COLUMNS "from customers c where c.id = $1";
constexpr std::string_view kFindForUpdate =
    "select " CUSTOMER_COLUMNS "from customers c where c.id = $1 for update";

CustomerRow customer_from(const db::Row& r) {
  return CustomerRow{
      r.i64("id"),           r.str("name"),      r.opt_str("phone"),     r.opt_str("email"),
      r.opt_str("document"), r.opt_str("notes"), r.boolean("is_active"), r.str("created_at"),
      r.str("updated_at")};
}

// A search that is only a number with punctuation ("(11) 9876", "123.456") also
// matches the digits stored for phones and documents.
std::optional<std::string> digits_of(const std::optional<std::string>& q) {
  if (!q) return std::nullopt;
  std::string digits;
  for (unsigned char c : *q) {
    if (std::isdigit(c)) {
      digits.push_back(static_cast<char>(c));
    } else if (std::isalpha(c) || c >= 0x80 || c == '@') {
      return std::nullopt;
    }
  }
  if (digits.empty()) return std::nullopt;
  return digits;
}

// Called inside a catch block: a document clash becomes a 409, the rest goes on.
[[noreturn]] void rethrow(const db::Error& e) {
  if (e.unique_violation() && e.constraint() == "customers_document_key")
    throw errors::conflict("Já existe um cliente com este documento.",
                           {{"document", "já cadastrado"}});
  throw;
}

}  // namespace

std::vector<CustomerRow> list_customers(db::Database& db, std::int64_t tenant,
                                        const CustomerFilter& f, Page page, std::int64_t& total) {
  auto q = like_text(f.q);
  auto digits = digits_of(f.q);
  auto r = db.read(tenant, {db::q(kList, q, digits, f.active, page.limit, page.offset),
                            db::q(kCount, q, digits, f.active)});
  total = r[1][0].i64("n");
  std::vector<CustomerRow> out;
  out.reserve(r[0].size());
  for (int i = 0; i < r[0].size(); ++i) out.push_back(customer_from(r[0][i]));
  return out;
}

std::optional<CustomerDetail> find_customer_detail(db::Database& db, std::int64_t tenant,
                                                   std::int64_t id) {
  auto r = db.read(tenant, {db::q(kFind, id), customer_motorcycles_query(id)});
  if (r[0].empty()) return std::nullopt;
  CustomerDetail d{customer_from(r[0][0]), {}};
  d.motorcycles = motorcycles_from(r[1]);
  return d;
}

std::optional<CustomerRow> find_customer(db::Tx& tx, std::int64_t id, bool for_update) {
  auto r = tx.exec(for_update ? kFindForUpdate : kFind, id);
  if (r.empty()) return std::nullopt;
  return customer_from(r[0]);
}

std::int64_t insert_customer(db::Tx& tx, const CustomerFields& f) {
  try {
    return tx
        .exec(
            "insert into customers (tenant_id, name, phone, email, document, notes, is_active) "
            "values (current_tenant(), $1, $2, $3, $4, $5, $6) returning id",
            f.name, f.phone, f.email, f.document, f.notes, f.is_active)[0]
        .i64("id");
  } catch (const db::Error& e) {
    rethrow(e);
  }
}

void update_customer(db::Tx& tx, std::int64_t id, const CustomerFields& f) {
  try {
    tx.exec(
        "update customers set name = $2, phone = $3, email = $4, document = $5, notes = $6, "
        "is_active = $7, updated_at = now() where id = $1",
        id, f.name, f.phone, f.email, f.document, f.notes, f.is_active);
  } catch (const db::Error& e) {
    rethrow(e);
  }
}

bool deactivate_customer(db::Tx& tx, std::int64_t id) {
  return tx.exec("update customers set is_active = false, updated_at = now() where id = $1", id)
             .affected() > 0;
}

}  // namespace mg::workshop::store
