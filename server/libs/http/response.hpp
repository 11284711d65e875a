#pragma once
// JSON answers, and errors in the one shape of API.md §1.
#include "libs/http/api_error.hpp"
#include "libs/http/request.hpp"
#include "libs/json/json.hpp"

namespace mg::http {

Response json_response(const json::value& v, unsigned status = 200);
Response error_response(const ApiError& e);

}  // namespace mg::http
