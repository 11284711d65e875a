#pragma once
// JSON in and out. Parsing, the value model and struct conversion
// (value_from of described structs) are Boost.JSON's; output is written by
// `dump`, because Boost.JSON prints doubles as 1.5075E2 and money must read
// 150.75 for existing clients.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "libs/core/ids.hpp"
#include "libs/money/money.hpp"

namespace mg::json {

using boost::json::array;
using boost::json::object;
using boost::json::value;

std::string dump(const value& v);
void dump_to(std::string& out, const value& v);

// nullopt when the text is not JSON.
std::optional<value> parse(std::string_view text);

// Cents as a JSON number with two decimals' worth of value (150.75).
value money(money::Cents cents);

// A described struct (or anything Boost.JSON converts) as a JSON object.
template <class T>
object to_object(const T& v) {
  return boost::json::value_from(v).as_object();
}

// Reads an optional id from a JSON value (number or numeric string).
std::optional<std::int64_t> as_int64(const value& v);

}  // namespace mg::json

// Conversions for value_from: ids are numbers, money is reais (150.75).
namespace mg {
template <class Tag>
void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, Id<Tag> id) {
  jv = id.value;
}
}  // namespace mg
namespace mg::money {
inline void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, Money m) {
  jv = json::money(m.cents);
}
}  // namespace mg::money
