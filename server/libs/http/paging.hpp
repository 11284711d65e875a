#pragma once
// The list conventions of API.md: limit (default 100, max 500), offset, and
// the total in X-Total-Count.
#include <cstdint>

#include "libs/http/request.hpp"

namespace mg::http {

struct Page {
  std::int64_t limit = 100;
  std::int64_t offset = 0;
};

Page read_page(const Request& req, std::int64_t default_limit = 100);
Response list_response(json::array items, std::int64_t total);

}  // namespace mg::http
