#pragma once
// Expected failures below the api layer are values: a store or a domain rule
// returns Result<T>, holding either T or a Failure. Failures say what went
// wrong in domain words (not found, conflict, invalid, a broken rule); the api
// layer maps each kind to an HTTP status in one table (libs/api/failures.cpp).
#include <boost/system/result.hpp>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace mg {

// Field → problem, in the order found.
using ErrorDetails = std::vector<std::pair<std::string, std::string>>;

enum class FailureKind {
  not_found,  // no such row in this tenant
  conflict,   // a unique clash or a state clash
  invalid,    // well-formed input that breaks a field rule
  rule,       // well-formed input that a business rule refuses (code says which)
  forbidden,  // the caller's role may not
};

struct Failure {
  FailureKind kind = FailureKind::invalid;
  std::string code;     // stable snake_case: "validation_error", "insufficient_stock", …
  std::string message;  // pt-BR, for a person
  ErrorDetails details;
};

template <class T>
using Result = boost::system::result<T, Failure>;

// A Failure that escapes as an exception (Result::value() on a failure, or a
// rule checked deep inside a transaction): the api layer maps it like a value.
class FailureError : public std::runtime_error {
 public:
  explicit FailureError(Failure f) : std::runtime_error(f.code), failure_(std::move(f)) {}
  const Failure& failure() const { return failure_; }

 private:
  Failure failure_;
};

[[noreturn]] inline void throw_exception_from_error(const Failure& f,
                                                    const boost::source_location&) {
  throw FailureError(f);
}

namespace fail {
inline Failure not_found(std::string message = "Registro não encontrado.") {
  return {FailureKind::not_found, "not_found", std::move(message), {}};
}
inline Failure conflict(std::string message, ErrorDetails details = {}) {
  return {FailureKind::conflict, "conflict", std::move(message), std::move(details)};
}
inline Failure invalid(std::string message, ErrorDetails details = {}) {
  return {FailureKind::invalid, "validation_error", std::move(message), std::move(details)};
}
inline Failure rule(std::string code, std::string message, ErrorDetails details = {}) {
  return {FailureKind::rule, std::move(code), std::move(message), std::move(details)};
}
inline Failure forbidden(std::string message = "Você não tem permissão para esta ação.") {
  return {FailureKind::forbidden, "forbidden", std::move(message), {}};
}
}  // namespace fail

}  // namespace mg
