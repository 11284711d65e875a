#include "modules/workshop/domain/filters.hpp"

#include <chrono>

namespace mg::workshop {

int max_motorcycle_year() {
  using namespace std::chrono;
  const year_month_day today{floor<days>(system_clock::now())};
  return static_cast<int>(today.year()) + 1;
}

}  // namespace mg::workshop
