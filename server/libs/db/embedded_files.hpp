#pragma once
// Files compiled into the binary by cmake/embed_files.cmake.
#include <string>
#include <string_view>
#include <vector>

namespace mg::embedded {

struct Migration {
  std::string_view name;  // "0001_identity"
  std::string_view up;
  std::string_view down;
};

const std::vector<Migration>& migrations();  // in order
std::string_view openapi_json();

}  // namespace mg::embedded
