#pragma once
// The route table. A module declares its routes resource by resource: a
// Resource stamps the module and the URL prefix once, and each route adds its
// method, path, handler and the role (auth::Action) or plan (auth::Feature) it
// needs; the pipeline enforces those before the handler runs.
//
//   api::Resource customers(routes, "workshop", "/management/customers");
//   customers.get("", list_customers, Action::read_workshop)
//            .get("/{id}", get_customer, Action::read_workshop)
//            .create("", create_customer, Action::write_customers);
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "libs/auth/permissions.hpp"
#include "libs/auth/plans.hpp"
#include "libs/db/database.hpp"
#include "libs/http/request.hpp"

namespace mg::api {

class Context;
using Handler = std::function<http::Response(Context&)>;

// A read route's work, split so that it can run without a thread hop: the
// queries (one round trip, one implicit read-only transaction for the
// caller's tenant) and how their results become the answer.
struct ReadPlan {
  std::vector<db::Query> queries;
  std::function<http::Response(const std::vector<db::Result>&)> render;
};
using ReadHandler = std::function<ReadPlan(Context&)>;

struct Route {
  std::string method;
  std::string pattern;  // "/management/customers/{id}"
  std::string module;   // the owning module: split mode serves or forwards by it
  Handler handler;
  ReadHandler read;                      // set for read routes: may run on the event loop
  bool is_public = false;                // no token required
  std::optional<auth::Action> action;    // role requirement (permission table)
  std::optional<auth::Feature> feature;  // plan requirement
  bool creates = false;                  // a POST that creates: Idempotency-Key applies
  bool heavy = false;                    // CPU-bound (password hashing): runs on its own lane
};

class Routes {
 public:
  void add(Route route) { routes_.push_back(std::move(route)); }
  const std::vector<Route>& all() const { return routes_; }
  Route& last() { return routes_.back(); }

 private:
  std::vector<Route> routes_;
};

class Resource {
 public:
  Resource(Routes& routes, std::string_view module, std::string_view prefix)
      : routes_(routes), module_(module), prefix_(prefix) {}

  Resource& get(std::string_view path, Handler h, std::optional<auth::Action> a = {}) {
    return add("GET", path, std::move(h), a);
  }
  // A GET whose work is one read (see ReadPlan): served from the event loop
  // when the caller's session is known, on a worker otherwise.
  Resource& read(std::string_view path, ReadHandler r, std::optional<auth::Action> a = {});
  // A POST that creates something (Idempotency-Key applies).
  Resource& create(std::string_view path, Handler h, std::optional<auth::Action> a = {}) {
    return add("POST", path, std::move(h), a, true);
  }
  // A POST that does something other than create.
  Resource& post(std::string_view path, Handler h, std::optional<auth::Action> a = {}) {
    return add("POST", path, std::move(h), a);
  }
  Resource& patch(std::string_view path, Handler h, std::optional<auth::Action> a = {}) {
    return add("PATCH", path, std::move(h), a);
  }
  Resource& del(std::string_view path, Handler h, std::optional<auth::Action> a = {}) {
    return add("DELETE", path, std::move(h), a);
  }
  // Routes added after this need no token.
  Resource& open() {
    public_ = true;
    return *this;
  }
  // Routes added after this are CPU-bound (they hash passwords): they run on
  // their own small lane, so a flood of them cannot starve the others.
  Resource& heavy() {
    heavy_ = true;
    return *this;
  }
  // Routes added after this need the plan that has `feature`.
  Resource& needs(auth::Feature feature) {
    feature_ = feature;
    return *this;
  }

 private:
  Resource& add(std::string method, std::string_view path, Handler h,
                std::optional<auth::Action> action, bool creates = false) {
    routes_.add(Route{std::move(method),
                      prefix_ + std::string(path),
                      module_,
                      std::move(h),
                      {},
                      public_,
                      action,
                      feature_,
                      creates,
                      heavy_});
    return *this;
  }
  Routes& routes_;
  std::string module_;
  std::string prefix_;
  bool public_ = false;
  bool heavy_ = false;
  std::optional<auth::Feature> feature_;
};

// Binds a handler written as `Response fn(State&, Context&)` to its module's state.
template <class State>
Handler bind(State& state, http::Response (*fn)(State&, Context&)) {
  return [&state, fn](Context& ctx) { return fn(state, ctx); };
}

}  // namespace mg::api
