#pragma once
// Reading a JSON object body field by field: each reader trims, converts and
// checks one field and records every problem; `check()` fails once naming them
// all (422 validation_error in the api layer).
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "libs/core/failure.hpp"
#include "libs/json/json.hpp"

namespace mg::json {

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

// Field → its pt-BR label, for messages ("Quantidade deve ser …"); the
// details keep the field's name, for programs.
// A module keeps its table as a constant (std::array) for the life of the process.
using Label = std::pair<std::string_view, std::string_view>;
using Labels = std::span<const Label>;

class Input {
 public:
  explicit Input(const object& body, Labels labels = {});
  explicit Input(object&&, Labels = {}) = delete;  // keeps a pointer: the body must outlive it

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
  // The problems found so far, as one invalid Failure; nullopt when none.
  std::optional<Failure> failure() const;
  // Throws FailureError with failure() when there is one.
  void check() const;

 private:
  const value* find(std::string_view key) const;
  std::string label(std::string_view key) const;
  const object& object_;
  Labels labels_;
  ErrorDetails problems_;
};

}  // namespace mg::json
