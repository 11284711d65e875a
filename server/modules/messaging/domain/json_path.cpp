#include "modules/messaging/domain/json_path.hpp"

#include <cctype>

namespace mg::messaging::jpath {

const json::value* at(const json::value& v, std::initializer_list<std::string_view> path) {
  const json::value* cur = &v;
  for (auto key : path) {
    if (!cur->is_object()) return nullptr;
    cur = cur->as_object().if_contains(key);
    if (!cur) return nullptr;
  }
  return cur;
}

std::string text(const json::value& v, std::initializer_list<std::string_view> path) {
  const auto* p = at(v, path);
  if (!p) return {};
  if (p->is_string()) return std::string(p->as_string());
  if (p->is_int64()) return std::to_string(p->as_int64());
  if (p->is_uint64()) return std::to_string(p->as_uint64());
  if (p->is_bool()) return p->as_bool() ? "true" : "false";
  return {};
}

std::int64_t integer(const json::value& v, std::initializer_list<std::string_view> path) {
  const auto* p = at(v, path);
  if (p && p->is_int64()) return p->as_int64();
  if (p && p->is_uint64()) return static_cast<std::int64_t>(p->as_uint64());
  return 0;
}

const json::array& array(const json::value& v, std::initializer_list<std::string_view> path) {
  static const json::array empty;
  const auto* p = at(v, path);
  return p && p->is_array() ? p->as_array() : empty;
}

}  // namespace mg::messaging::jpath

namespace mg::messaging {
std::string upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}
}  // namespace mg::messaging
