#pragma once
// Commissions (pure): a staff member's rule is a percentage of the labor they
// did and, optionally, of the parts sold on the orders assigned to them, with
// up to two decimals (10.5 %), kept as hundredths of a percent (1050).
//
// Rounding: each order's commission is computed per base (labor, parts) and
// rounded half up to the cent; a staff member's total is the sum of their
// orders', and the report's total the sum of the staff's. So every line adds
// up exactly to the orders behind it.
#include <charconv>
#include <string>
#include <string_view>
#include <vector>

#include <boost/describe/class.hpp>

#include "libs/money/money.hpp"
#include "modules/team/ids.hpp"
#include "modules/workshop/ids.hpp"

namespace mg::team {

// A percentage with two decimals, in hundredths (10.5 % = 1050); JSON reads 10.5.
struct Percent {
  int hundredths = 0;
  friend bool operator==(Percent, Percent) = default;
};
inline constexpr int kMaxPercent = 100 * 100;
// As the database reads it: hundredths ("1050").
inline void from_text(std::string_view text, Percent& out) {
  std::from_chars(text.data(), text.data() + text.size(), out.hundredths);
}

// `base` × `rate`, rounded half up to the cent (base ≥ 0).
money::Cents percent_of(money::Cents base, Percent rate);

// What one staff member earns on one completed order: the labor they did and, when the order
// is assigned to them, its parts (the order's discount does not reduce either base).
struct CommissionBase {
  StaffId staff_id;
  std::string staff_name;
  Percent labor_rate, parts_rate;
  workshop::OrderId order_id;
  std::int64_t number = 0;
  std::string closed_at;
  std::string customer_name;
  money::Money labor_base, parts_base;
};
BOOST_DESCRIBE_STRUCT(CommissionBase, (),
                      (staff_id, staff_name, labor_rate, parts_rate, order_id, number, closed_at,
                       customer_name, labor_base, parts_base))

struct Amounts {
  money::Cents labor_base = 0, parts_base = 0, labor_commission = 0, parts_commission = 0,
               total = 0;
  Amounts& operator+=(const Amounts& other);
};

struct OrderCommission {
  workshop::OrderId order_id;
  std::int64_t number = 0;
  std::string closed_at, customer_name;
  Amounts amounts;
};

struct StaffCommission {
  StaffId staff_id;
  std::string staff_name;
  Percent labor_rate, parts_rate;
  Amounts amounts;
  std::vector<OrderCommission> orders;
};

struct CommissionReport {
  std::vector<StaffCommission> staff;
  Amounts totals;
};

// The report from the bases, one per (staff, order), grouped by staff as given (each staff
// member's rows together, in the order they should be listed).
CommissionReport commission_report(const std::vector<CommissionBase>& bases);

}  // namespace mg::team
