#pragma once
// SQL for the day's cash register (caixa): opening, withdrawals (sangria) and
// supplies (suprimento), closing with the counted amount. One register is open
// per tenant at a time (cash_registers_one_open); a change locks the
// register's row, so a closing and a payment (which shares that lock) never
// cross; a closed register refuses every change.
#include <boost/describe/class.hpp>
#include <optional>
#include <string>
#include <vector>

#include "libs/core/failure.hpp"
#include "libs/db/database.hpp"
#include "modules/finance/domain/rules.hpp"
#include "modules/finance/ids.hpp"

namespace mg::finance::store {

struct CashRegisterRow {
  CashRegisterId id;
  std::string business_date, status;  // OPEN | CLOSED
  money::Money opening_balance;
  std::string opened_at;
  std::optional<UserId> opened_by;
  std::optional<std::string> opened_by_name, closed_at;
  std::optional<UserId> closed_by;
  std::optional<std::string> closed_by_name;
  std::optional<money::Money> expected_amount, counted_amount, difference;
  std::optional<std::string> notes;
};
BOOST_DESCRIBE_STRUCT(CashRegisterRow, (),
                      (id, business_date, status, opening_balance, opened_at, opened_by,
                       opened_by_name, closed_at, closed_by, closed_by_name, expected_amount,
                       counted_amount, difference, notes))

struct CashMovementRow {
  CashMovementId id;
  std::string kind;  // SANGRIA | SUPRIMENTO
  money::Money amount;
  std::optional<std::string> reason;
  std::string created_at;
  std::optional<UserId> user_id;
  std::optional<std::string> user_name;
};
BOOST_DESCRIBE_STRUCT(CashMovementRow, (),
                      (id, kind, amount, reason, created_at, user_id, user_name))

// The cash the drawer should hold: opening + cash received − cash paid out +
// supplies − withdrawals (payments not cancelled).
struct CashTotals {
  Cents cash_in = 0, cash_out = 0, supplies = 0, withdrawals = 0, expected = 0;
};
// Payments of the register (not cancelled), per method: received (IN) and paid (OUT).
struct MethodTotal {
  std::optional<std::string> method;  // none: not given
  Cents received = 0, paid = 0, fees = 0;
  std::int64_t count = 0;
};
struct CashRegisterDetail {
  CashRegisterRow reg;
  CashTotals totals;
  std::vector<MethodTotal> by_method;
  std::vector<CashMovementRow> movements;
  // Cash received on the register's day with no register (none was open then).
  Cents outside_cash = 0;
  std::int64_t outside_count = 0;
};

std::optional<CashRegisterDetail> find_register(TenantId tenant, db::Database& db,
                                                CashRegisterId id);
std::optional<CashRegisterDetail> find_register(TenantId tenant, db::Tx& tx, CashRegisterId id);
std::optional<CashRegisterDetail> find_open_register(TenantId tenant, db::Database& db);

struct RegisterFilter {
  std::optional<std::string> status;
  std::optional<std::string> start, end;  // business_date, inclusive
};
db::Page<CashRegisterRow> list_registers(TenantId tenant, db::Database& db, const RegisterFilter& f,
                                         db::Paging page);

// Conflict when one is open already.
Result<CashRegisterId> open_register(TenantId tenant, db::Tx& tx, Cents opening_balance,
                                     const std::optional<std::string>& notes, UserId user);
// Not found; conflict when closed; invalid when a withdrawal passes the cash the drawer holds.
Result<CashMovementId> add_movement(TenantId tenant, db::Tx& tx, CashRegisterId id,
                                    const std::string& kind, Cents amount,
                                    const std::optional<std::string>& reason, UserId user);
// Not found; conflict when closed already. Keeps expected, counted and difference.
Result<void> close_register(TenantId tenant, db::Tx& tx, CashRegisterId id, Cents counted,
                            const std::optional<std::string>& notes, UserId user);

}  // namespace mg::finance::store
