#include "libs/core/dates.hpp"

#include <cctype>
#include <chrono>
#include <cstdio>

namespace mg::dates {
namespace {

bool digits(std::string_view s, std::size_t from, std::size_t n) {
  if (s.size() < from + n) return false;
  for (std::size_t i = from; i < from + n; ++i)
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}

int number(std::string_view s, std::size_t from, std::size_t n) {
  int v = 0;
  for (std::size_t i = from; i < from + n; ++i) v = v * 10 + (s[i] - '0');
  return v;
}

// HH:MM or HH:MM:SS with an optional fraction, in range.
bool valid_time(std::string_view t) {
  if (!digits(t, 0, 2) || t.size() < 5 || t[2] != ':' || !digits(t, 3, 2)) return false;
  if (number(t, 0, 2) > 23 || number(t, 3, 2) > 59) return false;
  if (t.size() == 5) return true;
  if (t[5] != ':' || !digits(t, 6, 2) || number(t, 6, 2) > 59) return false;
  if (t.size() == 8) return true;
  if (t[8] != '.' || t.size() == 9) return false;
  return digits(t, 9, t.size() - 9) && t.size() <= 15;
}

// Z, ±HH, ±HH:MM or ±HHMM.
bool valid_zone(std::string_view z) {
  if (z == "Z" || z == "z") return true;
  if (z.empty() || (z[0] != '+' && z[0] != '-')) return false;
  z.remove_prefix(1);
  if (z.size() == 2) return digits(z, 0, 2) && number(z, 0, 2) <= 14;
  if (z.size() == 5 && z[2] == ':') return digits(z, 0, 2) && digits(z, 3, 2);
  if (z.size() == 4) return digits(z, 0, 4);
  return false;
}

}  // namespace

bool is_valid_date(std::string_view s) {
  if (s.size() != 10 || !digits(s, 0, 4) || s[4] != '-' || !digits(s, 5, 2) || s[7] != '-' ||
      !digits(s, 8, 2))
    return false;
  const int y = number(s, 0, 4);
  if (y < 1900) return false;
  std::chrono::year_month_day ymd{std::chrono::year(y),
                                  std::chrono::month(static_cast<unsigned>(number(s, 5, 2))),
                                  std::chrono::day(static_cast<unsigned>(number(s, 8, 2)))};
  return ymd.ok();
}

std::optional<std::string> time_bound(std::string_view text, bool upper) {
  if (text.size() < 10 || !is_valid_date(text.substr(0, 10))) return std::nullopt;
  const std::string date(text.substr(0, 10));
  // A bare day is the workshops' day: no zone, so the session's TimeZone reads it.
  if (text.size() == 10) return date + (upper ? "T23:59:59.999999" : "T00:00:00");
  if (text[10] != 'T' && text[10] != 't' && text[10] != ' ') return std::nullopt;
  std::string_view rest = text.substr(11);
  // The time runs up to the zone, if any.
  std::size_t zone = rest.find_first_of("Zz+-");
  std::string_view time = rest.substr(0, zone);
  std::string_view tz = zone == std::string_view::npos ? std::string_view() : rest.substr(zone);
  if (!valid_time(time)) return std::nullopt;
  if (!tz.empty() && !valid_zone(tz)) return std::nullopt;
  return date + "T" + std::string(time) + (tz.empty() ? std::string("Z") : std::string(tz));
}

namespace {

std::chrono::sys_days to_days(std::string_view s) {
  using namespace std::chrono;
  return sys_days{year_month_day{year(number(s, 0, 4)),
                                 month(static_cast<unsigned>(number(s, 5, 2))),
                                 day(static_cast<unsigned>(number(s, 8, 2)))}};
}

}  // namespace

std::string add_days(std::string_view date, int days) {
  using namespace std::chrono;
  const year_month_day ymd{to_days(date) + std::chrono::days{days}};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

int days_between(std::string_view from, std::string_view to) {
  return static_cast<int>((to_days(to) - to_days(from)).count());
}

}  // namespace mg::dates
