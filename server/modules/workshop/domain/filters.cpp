#include "modules/workshop/domain/filters.hpp"

#include <chrono>

namespace mg::workshop {

std::string like_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '\\' || c == '%' || c == '_') out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

int max_motorcycle_year() {
  using namespace std::chrono;
  const year_month_day today{floor<days>(system_clock::now())};
  return static_cast<int>(today.year()) + 1;
}

}  // namespace mg::workshop
