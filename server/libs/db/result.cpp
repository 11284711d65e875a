#include "libs/db/result.hpp"

#include <libpq-fe.h>

namespace mg::db {

Result::Result(pg_result* res) : res_(res, PQclear) {}

int Result::size() const {
  return res_ ? PQntuples(res_.get()) : 0;
}

std::int64_t Result::affected() const {
  if (!res_) return 0;
  const char* n = PQcmdTuples(res_.get());
  std::int64_t v = 0;
  if (n && *n) std::from_chars(n, n + std::char_traits<char>::length(n), v);
  return v;
}

int Result::column(std::string_view name) const {
  if (!res_) return -1;
  // PQfnumber folds case and parses quotes; our names are plain lower-case.
  const int n = PQnfields(res_.get());
  for (int c = 0; c < n; ++c)
    if (name == PQfname(res_.get(), c)) return c;
  return -1;
}

int Row::col(std::string_view column) const {
  int c = result_->column(column);
  if (c < 0) throw std::logic_error("no column " + std::string(column) + " in result");
  return c;
}

bool Row::is_null(int column) const {
  return PQgetisnull(result_->raw(), row_, column) == 1;
}

std::string_view Row::text(int column) const {
  return {PQgetvalue(result_->raw(), row_, column),
          static_cast<std::size_t>(PQgetlength(result_->raw(), row_, column))};
}

bool Row::is_null(std::string_view column) const {
  return is_null(col(column));
}

std::string_view Row::text(std::string_view column) const {
  return text(col(column));
}

std::int64_t Row::i64(std::string_view column) const {
  std::int64_t v = 0;
  from_text(text(column), v);
  return v;
}

bool Row::boolean(std::string_view column) const {
  bool v = false;
  from_text(text(column), v);
  return v;
}

std::optional<std::string> Row::opt_str(std::string_view column) const {
  const int c = col(column);
  if (is_null(c)) return std::nullopt;
  return std::string(text(c));
}

std::optional<std::int64_t> Row::opt_i64(std::string_view column) const {
  const int c = col(column);
  if (is_null(c)) return std::nullopt;
  std::int64_t v = 0;
  from_text(text(c), v);
  return v;
}

}  // namespace mg::db
