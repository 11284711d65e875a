#pragma once
// Reading the providers' JSON (answers and webhooks) by path, forgiving of
// what is missing or of another type: an absent field reads as empty.
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include "libs/json/json.hpp"

namespace mg::messaging::jpath {

// The value at `path` (object keys), or nullptr.
const json::value* at(const json::value& v, std::initializer_list<std::string_view> path);
// A string, or a number or boolean as text; "" otherwise.
std::string text(const json::value& v, std::initializer_list<std::string_view> path);
std::int64_t integer(const json::value& v, std::initializer_list<std::string_view> path);
// The array at `path`; an empty one otherwise.
const json::array& array(const json::value& v, std::initializer_list<std::string_view> path);

}  // namespace mg::messaging::jpath

namespace mg::messaging {
// ASCII upper case (the API's words: kinds, events, statuses, any case in).
std::string upper(std::string s);
}  // namespace mg::messaging
