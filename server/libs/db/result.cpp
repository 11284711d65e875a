#include "libs/db/result.hpp"

#include <libpq-fe.h>

#include <charconv>
#include <stdexcept>

namespace mg::db {

Result::Result(pg_result* res) : res_(res, PQclear) {}

int Result::size() const {
  return res_ ? PQntuples(res_.get()) : 0;
}

Row Result::at(int row) const {
  if (row < 0 || row >= size()) throw std::out_of_range("result row");
  return Row(*this, row);
}

std::int64_t Result::affected() const {
  if (!res_) return 0;
  const char* n = PQcmdTuples(res_.get());
  std::int64_t v = 0;
  if (n && *n) std::from_chars(n, n + std::char_traits<char>::length(n), v);
  return v;
}

int Row::col(std::string_view column) const {
  std::string name(column);
  int c = PQfnumber(result_->raw(), name.c_str());
  if (c < 0) throw std::logic_error("no column " + name + " in result");
  return c;
}

bool Row::is_null(std::string_view column) const {
  return PQgetisnull(result_->raw(), row_, col(column)) == 1;
}

std::string_view Row::text(std::string_view column) const {
  int c = col(column);
  return {PQgetvalue(result_->raw(), row_, c),
          static_cast<std::size_t>(PQgetlength(result_->raw(), row_, c))};
}

std::int64_t Row::i64(std::string_view column) const {
  auto t = text(column);
  std::int64_t v = 0;
  std::from_chars(t.data(), t.data() + t.size(), v);
  return v;
}

bool Row::boolean(std::string_view column) const {
  auto t = text(column);
  return !t.empty() && t[0] == 't';
}

std::optional<std::string> Row::opt_str(std::string_view column) const {
  if (is_null(column)) return std::nullopt;
  return std::string(text(column));
}

std::optional<std::int64_t> Row::opt_i64(std::string_view column) const {
  if (is_null(column)) return std::nullopt;
  return i64(column);
}

}  // namespace mg::db
