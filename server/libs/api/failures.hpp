#pragma once
// The one table from domain failures to HTTP answers (API.md §1).
#include "libs/core/failure.hpp"
#include "libs/http/api_error.hpp"

namespace mg::api {

ApiError to_api_error(const Failure& failure);

}  // namespace mg::api
