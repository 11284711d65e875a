#include "libs/br/plates.hpp"

namespace mg::br {
namespace {

constexpr std::size_t kMaxPlateSize = 10;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
char to_upper(char c) {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

}  // namespace

std::optional<std::string> normalize_plate(std::string_view plate) {
  std::string out;
  for (char c : plate) {
    if (c == ' ') continue;
    c = to_upper(c);
    if (!is_upper(c) && !is_digit(c) && c != '-') return std::nullopt;
    if (out.size() == kMaxPlateSize) return std::nullopt;
    out += c;
  }
  if (out.empty()) return std::nullopt;
  return out;
}

std::string plate_key(std::string_view plate) {
  std::string key;
  for (char c : plate) {
    c = to_upper(c);
    if (is_upper(c) || is_digit(c)) key += c;
  }
  const bool old_format = key.size() == 7 && is_upper(key[0]) && is_upper(key[1]) &&
                          is_upper(key[2]) && is_digit(key[3]) && is_digit(key[4]) &&
                          is_digit(key[5]) && is_digit(key[6]);
  if (old_format) key[4] = static_cast<char>('A' + (key[4] - '0'));
  return key;
}

}  // namespace mg::br
