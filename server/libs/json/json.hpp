#pragma once
// JSON in and out. Parsing and the value model are Boost.JSON's; output is
// written by `dump`, because Boost.JSON prints doubles as 1.5075E2 and money
// must read 150.75 for existing clients.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "libs/core/api_error.hpp"
#include "libs/money/money.hpp"

namespace mg::json {

using boost::json::array;
using boost::json::object;
using boost::json::value;

std::string dump(const value& v);
void dump_to(std::string& out, const value& v);

// Parses a request body; throws 400 bad_request when it is not JSON.
value parse(std::string_view text);

// Cents as a JSON number with two decimals' worth of value (150.75).
value money(money::Cents cents);
value nullable(const std::optional<std::string>& s);
value nullable(const std::optional<std::int64_t>& n);

// Rules for Input's readers.
struct TextRule {
  bool required = false;
  std::size_t max_length = 255;
  bool allow_empty = false;
};
struct IntRule {
  bool required = false;
  std::int64_t min = INT64_MIN;
  std::int64_t max = INT64_MAX;
};
struct MoneyRule {
  bool required = false;
  bool allow_negative = false;
};

// Reads and validates the fields of a JSON object body, collecting every
// problem; `check()` throws one 422 validation_error naming them all.
class Input {
 public:
  explicit Input(const value& body);  // 400 when the body is not an object
  explicit Input(value&&) = delete;   // keeps a pointer: the body must outlive it

  bool has(std::string_view key) const;      // present, even if null
  bool is_null(std::string_view key) const;  // present and null

  // Trimmed text. Absent or null → nullopt (a problem when required).
  std::optional<std::string> text(std::string_view key, TextRule rule = {});

  // Integer given as a JSON number or a numeric string ("2019").
  std::optional<std::int64_t> integer(std::string_view key, IntRule rule = {});

  // Money as a number or a string with at most two decimals.
  std::optional<money::Cents> cents(std::string_view key, MoneyRule rule = {});

  std::optional<bool> boolean(std::string_view key);

  void fail(std::string key, std::string problem);
  bool ok() const { return problems_.empty(); }
  void check() const;

 private:
  const value* find(std::string_view key) const;
  const object* object_;
  ErrorDetails problems_;
};

// Reads an optional id from a JSON value (number or numeric string).
std::optional<std::int64_t> as_int64(const value& v);

}  // namespace mg::json
