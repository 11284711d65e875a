#include "libs/http/router.hpp"

#include <gtest/gtest.h>

namespace mg::http {
namespace {

Router make_router() {
  Router r;
  auto ok = [](Request&) { return Response{}; };
  r.add({.method = "GET", .pattern = "/management/customers", .handler = ok, .module = "workshop"});
  r.add(
      {.method = "POST", .pattern = "/management/customers", .handler = ok, .module = "workshop"});
  r.add({.method = "GET",
         .pattern = "/management/os/{id}/items/{item_id}",
         .handler = ok,
         .module = "workshop"});
  r.add({.method = "GET", .pattern = "/portal/{token:str}", .handler = ok, .module = "portal"});
  r.add({.method = "POST", .pattern = "/users/seed-demo", .handler = ok, .module = "identity"});
  r.add({.method = "PATCH", .pattern = "/users/{id}", .handler = ok, .module = "identity"});
  r.add({.method = "GET", .pattern = "/health", .handler = ok, .module = "gateway"});
  return r;
}

TEST(Router, MatchesBareAndUnderApi) {
  auto r = make_router();
  for (const char* path : {"/management/customers", "/api/management/customers",
                           "/management/customers/", "/api/management/customers/"}) {
    auto m = r.match("GET", path);
    ASSERT_NE(m.route, nullptr) << path;
    EXPECT_EQ(m.route->pattern, "/management/customers");
    EXPECT_FALSE(m.path_tenant);
  }
}

TEST(Router, TakesTheTenantSegmentAfterAModulePrefix) {
  auto r = make_router();
  auto m = r.match("GET", "/api/management/42/customers");
  ASSERT_NE(m.route, nullptr);
  ASSERT_TRUE(m.path_tenant);
  EXPECT_EQ(*m.path_tenant, 42);
  m = r.match("GET", "/management/7/os/3/items/9");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(*m.path_tenant, 7);
  ASSERT_EQ(m.params.size(), 2u);
  EXPECT_EQ(m.params[0], (std::pair<std::string, std::string>{"id", "3"}));
  EXPECT_EQ(m.params[1], (std::pair<std::string, std::string>{"item_id", "9"}));
}

TEST(Router, NoTenantSegmentOutsideModulePrefixes) {
  auto r = make_router();
  EXPECT_EQ(r.match("GET", "/users/5/seed-demo").route, nullptr);
  EXPECT_TRUE(r.match("GET", "/management/99999999999999999999/customers").bad_tenant_segment);
}

TEST(Router, IntegerParametersRejectText) {
  auto r = make_router();
  EXPECT_EQ(r.match("GET", "/management/os/abc/items/1").route, nullptr);
  EXPECT_EQ(r.match("PATCH", "/users/seed-demo").route, nullptr);
  auto m = r.match("POST", "/users/seed-demo");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern, "/users/seed-demo");
  auto p = r.match("GET", "/portal/abc-123");
  ASSERT_NE(p.route, nullptr);
  EXPECT_EQ(p.params[0].second, "abc-123");
}

TEST(Router, ReportsAllowedMethodsForAKnownPath) {
  auto r = make_router();
  auto m = r.match("DELETE", "/management/customers");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_EQ(m.allowed, (std::vector<std::string>{"GET", "POST"}));
  EXPECT_TRUE(r.match("GET", "/nothing/here").allowed.empty());
}

TEST(Router, KnowsWhichPathsBelongToTheApi) {
  for (const char* p : {"/api/x", "/management/os", "/auth/login", "/users", "/me", "/health",
                        "/metrics", "/tenant/theme", "/financial/x", "/portal/t"})
    EXPECT_TRUE(Router::is_api_path(p)) << p;
  for (const char* p : {"/", "/clientes", "/ordens/12", "/assets/index.js", "/login"})
    EXPECT_FALSE(Router::is_api_path(p)) << p;
}

TEST(Request, ReadsQueryParametersDecoded) {
  Request req;
  req.query = "q=Jo%C3%A3o+Silva&limit=20&empty=&flag";
  EXPECT_EQ(req.query_param("q").value(), "João Silva");
  EXPECT_EQ(req.query_int("limit").value(), 20);
  EXPECT_EQ(req.query_param("empty").value(), "");
  EXPECT_EQ(req.query_param("flag").value(), "");
  EXPECT_FALSE(req.query_param("missing"));
  req.query = "limit=abc";
  EXPECT_THROW(req.query_int("limit"), ApiError);
}

TEST(Response, ErrorsHaveTheOneShape) {
  auto r = error_response(errors::validation("Dados inválidos.", {{"name", "obrigatório"}}));
  EXPECT_EQ(r.status, 422u);
  EXPECT_EQ(r.body,
            "{\"error\":{\"code\":\"validation_error\",\"message\":\"Dados inválidos.\","
            "\"details\":{\"name\":\"obrigatório\"}}}");
  auto limited = error_response(errors::rate_limited().with_retry_after(30));
  EXPECT_EQ(limited.status, 429u);
  ASSERT_EQ(limited.headers.size(), 1u);
  EXPECT_EQ(limited.headers[0].first, "Retry-After");
  EXPECT_EQ(limited.headers[0].second, "30");
}

}  // namespace
}  // namespace mg::http
