#include "libs/http/request.hpp"

#include <charconv>

namespace mg::http {

std::string_view Request::header(std::string_view lower_name) const {
  for (const auto& [k, v] : headers)
    if (k == lower_name) return v;
  return {};
}

std::string url_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '+') {
      out.push_back(' ');
    } else if (c == '%' && i + 2 < s.size()) {
      unsigned v = 0;
      auto [p, ec] = std::from_chars(s.data() + i + 1, s.data() + i + 3, v, 16);
      if (ec == std::errc() && p == s.data() + i + 3) {
        out.push_back(static_cast<char>(v));
        i += 2;
      } else {
        out.push_back(c);
      }
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::optional<std::string> Request::query_param(std::string_view name) const {
  std::string_view q = query;
  while (!q.empty()) {
    auto amp = q.find('&');
    std::string_view pair = q.substr(0, amp);
    q = amp == std::string_view::npos ? std::string_view() : q.substr(amp + 1);
    auto eq = pair.find('=');
    std::string_view key = pair.substr(0, eq);
    if (url_decode(key) == name)
      return eq == std::string_view::npos ? std::string() : url_decode(pair.substr(eq + 1));
  }
  return std::nullopt;
}

std::optional<std::int64_t> Request::query_int(std::string_view name) const {
  auto v = query_param(name);
  if (!v || v->empty()) return std::nullopt;
  std::int64_t n = 0;
  auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
  if (ec != std::errc() || p != v->data() + v->size())
    throw errors::bad_request("Parâmetro '" + std::string(name) + "' deve ser um número inteiro.");
  return n;
}

std::optional<std::string_view> Request::path_param(std::string_view name) const {
  for (const auto& [k, v] : path_params)
    if (k == name) return std::string_view(v);
  return std::nullopt;
}

std::int64_t Request::path_id(std::string_view name) const {
  auto v = path_param(name);
  std::int64_t n = 0;
  if (v) std::from_chars(v->data(), v->data() + v->size(), n);
  return n;
}

const json::value& Request::json() const {
  if (!json_) {
    if (body.empty()) throw errors::bad_request("O corpo da requisição está vazio.");
    json_ = json::parse(body);
  }
  return *json_;
}

const Principal& Request::who() const {
  if (!principal) throw errors::unauthorized();
  return *principal;
}

Response json_response(const json::value& v, unsigned status) {
  Response r;
  r.status = status;
  r.body = json::dump(v);
  return r;
}

Response error_response(const ApiError& e) {
  json::object err{{"code", e.code()}, {"message", e.message()}};
  if (!e.details().empty()) {
    json::object details;
    for (const auto& [k, v] : e.details()) details[k] = v;
    err["details"] = std::move(details);
  }
  Response r = json_response(json::object{{"error", std::move(err)}}, e.status());
  if (e.retry_after() > 0) r.header("Retry-After", std::to_string(e.retry_after()));
  return r;
}

}  // namespace mg::http
