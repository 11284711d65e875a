#pragma once
// What a handler gets: the caller (principal), typed access to the path,
// query and body, and the database and event bus bound to the caller's
// tenant. Handlers parse and validate, call stores, and shape the answer;
// they hold no SQL.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "libs/api/routes.hpp"
#include "libs/auth/permissions.hpp"
#include "libs/auth/principal.hpp"
#include "libs/db/database.hpp"
#include "libs/events/bus.hpp"
#include "libs/http/api_error.hpp"
#include "libs/http/request.hpp"
#include "libs/json/input.hpp"
#include "libs/json/json.hpp"

namespace mg::api {

struct Services {
  db::Database& db;
  events::Bus& events;
};

class Context {
 public:
  Context(const http::Request& request, Services services, http::Params path_params,
          std::optional<auth::Principal> principal, std::string trace_id);

  const http::Request& request() const { return request_; }
  const std::string& trace_id() const { return trace_id_; }

  // --- the caller (401 when the route is public and nobody signed in)
  const auth::Principal& who() const;
  bool signed_in() const { return principal_.has_value(); }
  TenantId tenant() const { return who().tenant; }
  UserId user() const { return who().user; }
  auth::Role role() const { return who().role; }
  bool may(auth::Action action) const { return auth::allowed(role(), action); }
  // 403 forbidden with `message` when the caller may not.
  void require(auth::Action action, std::string_view message = {}) const;

  // --- path: the router matched `{id}` as an integer
  template <class Id>
  Id path(std::string_view name = "id") const {
    return Id{path_int(name)};
  }
  std::string_view path_text(std::string_view name) const;

  // --- query (400 bad_request when a value does not parse)
  std::optional<std::string> query(std::string_view name) const;
  // Trimmed; nullopt when absent or blank; 400 over `max_length` characters.
  std::optional<std::string> query_text(std::string_view name, std::size_t max_length = 100) const;
  std::optional<std::int64_t> query_int(std::string_view name) const;
  template <class Id>
  std::optional<Id> query_id(std::string_view name) const {
    auto n = query_int(name);
    return n ? std::optional<Id>(Id{*n}) : std::nullopt;
  }
  // 1/true → true, 0/false → false; nullopt when absent.
  std::optional<bool> query_flag(std::string_view name) const;
  // limit (default `default_limit`, 1–500) and offset (≥ 0), API.md §1 "Lists".
  db::Paging page(std::int64_t default_limit = 100) const;

  // --- body (400 when it is not JSON, or not an object)
  const json::value& json() const;
  const json::object& object() const;
  json::Input input(json::Labels labels = {}) const { return json::Input(object(), labels); }
  bool has_body() const { return !request_.body.empty(); }

  // --- the tenant's database and the event bus
  db::Database& db() const { return services_.db; }
  events::Bus& events() const { return services_.events; }
  template <class F>
  auto transaction(F&& work) const {
    return services_.db.transaction(tenant(), std::forward<F>(work));
  }
  std::vector<db::Result> read(const std::vector<db::Query>& queries) const {
    return services_.db.read(tenant(), queries);
  }
  db::Result read(const db::Query& query) const { return services_.db.read(tenant(), query); }
  template <class T>
  T run(const db::Read<T>& r) const {
    return services_.db.run(tenant(), r);
  }

 private:
  std::int64_t path_int(std::string_view name) const;

  const http::Request& request_;
  Services services_;
  http::Params path_params_;
  std::optional<auth::Principal> principal_;
  std::string trace_id_;
  mutable std::optional<json::value> json_;
};

// --- answers
http::Response ok(const json::value& body);
http::Response created(const json::value& body);
// A list: the JSON array, with the total in X-Total-Count (API.md §1 "Lists").
http::Response list(json::array items, std::int64_t total);
// The same, from a JSON array already written.
http::Response list_of(std::string array, std::int64_t total);
// 200 with a JSON document already written.
http::Response ok_written(std::string document);
// A list written straight to JSON text (libs/json/writer.hpp): `write(out,
// row)` appends one element.
template <class T, class F>
http::Response list_written(const db::Page<T>& page, F&& write) {
  std::string body = "[";
  body.reserve(256 * page.items.size() + 2);
  for (const auto& row : page.items) {
    if (body.size() > 1) body += ',';
    write(body, row);
  }
  body += ']';
  return list_of(std::move(body), page.total);
}
template <class T, class F>
http::Response list(const db::Page<T>& page, F&& to_json) {
  json::array items;
  items.reserve(page.items.size());
  for (const auto& row : page.items) items.emplace_back(to_json(row));
  return list(std::move(items), page.total);
}

// A read route's plan (Resource::read): a store's read, and how its answer
// is rendered. `render` may run on the event loop after the handler returned:
// it captures what it needs by value.
template <class T, class F>
ReadPlan plan(db::Read<T> read, F render) {
  return {std::move(read.queries),
          [parse = std::move(read.parse), render = std::move(render)](
              const std::vector<db::Result>& results) { return render(parse(results)); }};
}

}  // namespace mg::api
