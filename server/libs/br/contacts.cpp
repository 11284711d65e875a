#include "libs/br/contacts.hpp"

namespace mg::br {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

}  // namespace

std::string phone_digits(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (is_digit(c)) out += c;
  }
  return out;
}

bool is_valid_phone(std::string_view digits) {
  if (digits.size() < 8 || digits.size() > 13) return false;
  for (char c : digits) {
    if (!is_digit(c)) return false;
  }
  return true;
}

bool is_valid_email(std::string_view email) {
  if (email.empty() || email.size() > 254) return false;
  for (char c : email) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7F) return false;  // spaces and control characters
  }
  const auto at = email.find('@');
  if (at == std::string_view::npos || at == 0) return false;
  if (email.find('@', at + 1) != std::string_view::npos) return false;
  const std::string_view domain = email.substr(at + 1);
  if (domain.empty() || domain.front() == '.' || domain.back() == '.') return false;
  if (domain.find('.') == std::string_view::npos) return false;
  if (domain.find("..") != std::string_view::npos) return false;
  return true;
}

std::string normalize_email(std::string_view email) {
  while (!email.empty() && is_space(email.front())) email.remove_prefix(1);
  while (!email.empty() && is_space(email.back())) email.remove_suffix(1);
  std::string out(email);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace mg::br
