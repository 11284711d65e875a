#include "modules/team/domain/commissions.hpp"

namespace mg::team {

money::Cents percent_of(money::Cents base, Percent rate) {
  // base ≤ 10^11 cents and rate ≤ 10^4: the product fits in 64 bits.
  return (base * rate.hundredths + 5'000) / 10'000;
}

Amounts& Amounts::operator+=(const Amounts& other) {
  labor_base += other.labor_base;
  parts_base += other.parts_base;
  labor_commission += other.labor_commission;
  parts_commission += other.parts_commission;
  total += other.total;
  return *this;
}

CommissionReport commission_report(const std::vector<CommissionBase>& bases) {
  CommissionReport report;
  for (const auto& b : bases) {
    if (report.staff.empty() || report.staff.back().staff_id != b.staff_id)
      report.staff.push_back({b.staff_id, b.staff_name, b.labor_rate, b.parts_rate, {}, {}});
    auto& staff = report.staff.back();
    Amounts a;
    a.labor_base = b.labor_base.cents;
    a.parts_base = b.parts_base.cents;
    a.labor_commission = percent_of(a.labor_base, b.labor_rate);
    a.parts_commission = percent_of(a.parts_base, b.parts_rate);
    a.total = a.labor_commission + a.parts_commission;
    staff.orders.push_back({b.order_id, b.number, b.closed_at, b.customer_name, a});
    staff.amounts += a;
    report.totals += a;
  }
  return report;
}

}  // namespace mg::team
