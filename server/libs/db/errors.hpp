#pragma once
// Database failures as types, so callers never match on message text.
#include <stdexcept>
#include <string>

namespace mg::db {

class Error : public std::runtime_error {
 public:
  Error(std::string sqlstate, std::string constraint, const std::string& message)
      : std::runtime_error(message),
        sqlstate_(std::move(sqlstate)),
        constraint_(std::move(constraint)) {}
  const std::string& sqlstate() const { return sqlstate_; }
  const std::string& constraint() const { return constraint_; }

  bool unique_violation() const { return sqlstate_ == "23505"; }
  bool foreign_key_violation() const { return sqlstate_ == "23503"; }
  bool check_violation() const { return sqlstate_ == "23514"; }
  bool serialization_failure() const { return sqlstate_ == "40001" || sqlstate_ == "40P01"; }

 private:
  std::string sqlstate_;
  std::string constraint_;
};

// The server is gone or the connection broke: the request may be retried on
// a new connection when nothing was committed.
class ConnectionLost : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace mg::db
