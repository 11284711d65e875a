#include "libs/api/failures.hpp"

namespace mg::api {
namespace {

int status_of(FailureKind kind) {
  switch (kind) {
    case FailureKind::not_found:
      return 404;
    case FailureKind::conflict:
      return 409;
    case FailureKind::invalid:
    case FailureKind::rule:
      return 422;
    case FailureKind::forbidden:
      return 403;
  }
  return 500;
}

}  // namespace

ApiError to_api_error(const Failure& f) {
  return ApiError(status_of(f.kind), f.code, f.message, f.details);
}

}  // namespace mg::api
