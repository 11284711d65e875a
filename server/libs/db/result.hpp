#pragma once
// Query results in text format, read by column name.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct pg_result;

namespace mg::db {

class Result;

class Row {
 public:
  Row(const Result& result, int row) : result_(&result), row_(row) {}
  bool is_null(std::string_view column) const;
  std::string_view text(std::string_view column) const;
  std::string str(std::string_view column) const { return std::string(text(column)); }
  std::int64_t i64(std::string_view column) const;
  bool boolean(std::string_view column) const;
  std::optional<std::string> opt_str(std::string_view column) const;
  std::optional<std::int64_t> opt_i64(std::string_view column) const;

 private:
  int col(std::string_view column) const;
  const Result* result_;
  int row_;
};

class Result {
 public:
  Result() = default;
  explicit Result(pg_result* res);
  int size() const;
  bool empty() const { return size() == 0; }
  Row operator[](int row) const { return Row(*this, row); }
  Row at(int row) const;          // throws when out of range
  std::int64_t affected() const;  // rows touched by INSERT/UPDATE/DELETE
  pg_result* raw() const { return res_.get(); }

 private:
  std::shared_ptr<pg_result> res_;
};

}  // namespace mg::db
