#include "libs/api/context.hpp"

#include <charconv>

#include "libs/api/routes.hpp"
#include "libs/http/response.hpp"

namespace mg::api {

Context::Context(const http::Request& request, Services services, http::Params path_params,
                 std::optional<auth::Principal> principal, std::string trace_id)
    : request_(request),
      services_(services),
      path_params_(std::move(path_params)),
      principal_(std::move(principal)),
      trace_id_(std::move(trace_id)) {}

const auth::Principal& Context::who() const {
  if (!principal_) throw errors::unauthorized();
  return *principal_;
}

void Context::require(auth::Action action, std::string_view message) const {
  if (may(action)) return;
  throw message.empty() ? errors::forbidden() : errors::forbidden(std::string(message));
}

std::string_view Context::path_text(std::string_view name) const {
  for (const auto& [k, v] : path_params_)
    if (k == name) return v;
  return {};
}

std::int64_t Context::path_int(std::string_view name) const {
  auto v = path_text(name);
  std::int64_t n = 0;
  std::from_chars(v.data(), v.data() + v.size(), n);  // the router matched digits only
  return n;
}

std::optional<std::string> Context::query(std::string_view name) const {
  auto v = request_.query_param(name);
  return v ? std::optional<std::string>(*v) : std::nullopt;
}

std::optional<std::string> Context::query_text(std::string_view name,
                                               std::size_t max_length) const {
  auto v = request_.query_param(name);
  if (!v) return std::nullopt;
  auto first = v->find_first_not_of(" \t");
  if (first == std::string_view::npos) return std::nullopt;
  auto last = v->find_last_not_of(" \t");
  std::string text(v->substr(first, last - first + 1));
  std::size_t chars = 0;
  for (unsigned char c : text) chars += (c & 0xC0) != 0x80;
  if (chars > max_length)
    throw errors::bad_request("Parâmetro '" + std::string(name) + "' muito longo.");
  return text;
}

std::optional<std::int64_t> Context::query_int(std::string_view name) const {
  auto v = request_.query_param(name);
  if (!v || v->empty()) return std::nullopt;
  std::int64_t n = 0;
  auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
  if (ec != std::errc() || p != v->data() + v->size())
    throw errors::bad_request("Parâmetro '" + std::string(name) + "' deve ser um número inteiro.");
  return n;
}

std::optional<bool> Context::query_flag(std::string_view name) const {
  auto v = request_.query_param(name);
  if (!v || v->empty()) return std::nullopt;
  if (*v == "1" || *v == "true") return true;
  if (*v == "0" || *v == "false") return false;
  throw errors::bad_request("Parâmetro '" + std::string(name) + "' deve ser 1 ou 0.");
}

db::Paging Context::page(std::int64_t default_limit) const {
  db::Paging p{query_int("limit").value_or(default_limit), query_int("offset").value_or(0)};
  if (p.limit < 1 || p.limit > 500)
    throw errors::bad_request("Parâmetro 'limit' deve estar entre 1 e 500.");
  if (p.offset < 0) throw errors::bad_request("Parâmetro 'offset' não pode ser negativo.");
  return p;
}

const json::value& Context::json() const {
  if (!json_) {
    if (request_.body.empty()) throw errors::bad_request("O corpo da requisição está vazio.");
    json_ = json::parse(request_.body);
    if (!json_) throw errors::bad_request("O corpo da requisição não é um JSON válido.");
  }
  return *json_;
}

const json::object& Context::object() const {
  const auto* obj = json().if_object();
  if (!obj) throw errors::bad_request("O corpo da requisição deve ser um objeto JSON.");
  return *obj;
}

Resource& Resource::read(std::string_view path, ReadHandler r, std::optional<auth::Action> a) {
  // On a worker, the same plan runs through the blocking pool.
  Handler blocking = [r](Context& ctx) {
    auto plan = r(ctx);
    return plan.render(ctx.read(plan.queries));
  };
  add("GET", path, std::move(blocking), a);
  routes_.last().read = std::move(r);
  return *this;
}

http::Response ok(const json::value& body) {
  return http::json_response(body, 200);
}

http::Response created(const json::value& body) {
  return http::json_response(body, 201);
}

http::Response list(json::array items, std::int64_t total) {
  return list_of(json::dump(items), total);
}

http::Response ok_written(std::string document) {
  http::Response r;
  r.body = std::move(document);
  return r;
}

http::Response list_of(std::string array, std::int64_t total) {
  http::Response r;
  r.body = std::move(array);
  r.header("X-Total-Count", std::to_string(total));
  return r;
}

}  // namespace mg::api
