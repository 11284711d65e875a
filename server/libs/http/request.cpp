#include "libs/http/request.hpp"

#include <strings.h>

namespace mg::http {

std::string_view Request::header(std::string_view lower_name) const {
  for (const auto& [k, v] : headers)
    if (k == lower_name) return v;
  return {};
}

std::optional<std::string_view> Request::query_param(std::string_view name) const {
  for (const auto& [k, v] : query_params)
    if (k == name) return std::string_view(v);
  return std::nullopt;
}

std::string_view Response::header_value(std::string_view name) const {
  for (const auto& [k, v] : headers)
    if (k.size() == name.size() && ::strncasecmp(k.data(), name.data(), k.size()) == 0) return v;
  return {};
}

}  // namespace mg::http
