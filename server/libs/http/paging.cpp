#include "libs/http/paging.hpp"

namespace mg::http {

Page read_page(const Request& req, std::int64_t default_limit) {
  Page p;
  p.limit = req.query_int("limit").value_or(default_limit);
  p.offset = req.query_int("offset").value_or(0);
  if (p.limit < 1 || p.limit > 500)
    throw errors::bad_request("Parâmetro 'limit' deve estar entre 1 e 500.");
  if (p.offset < 0) throw errors::bad_request("Parâmetro 'offset' não pode ser negativo.");
  return p;
}

Response list_response(json::array items, std::int64_t total) {
  Response r = json_response(items);
  r.header("X-Total-Count", std::to_string(total));
  r.header("Access-Control-Expose-Headers", "X-Total-Count");
  return r;
}

}  // namespace mg::http
