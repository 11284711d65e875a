#include "libs/http/router.hpp"

#include <gtest/gtest.h>

#include "libs/http/response.hpp"
#include "libs/http/target.hpp"

namespace mg::http {
namespace {

Router make_router() {
  Router r;
  r.set_tenant_prefixes({"management", "financial"});
  r.set_api_prefixes(
      {"management", "financial", "auth", "users", "me", "tenant", "portal", "health", "metrics"});
  r.add("GET", "/management/customers");                // 0
  r.add("POST", "/management/customers");               // 1
  r.add("GET", "/management/os/{id}/items/{item_id}");  // 2
  r.add("GET", "/portal/{token:str}");                  // 3
  r.add("POST", "/users/seed-demo");                    // 4
  r.add("PATCH", "/users/{id}");                        // 5
  r.add("GET", "/health");                              // 6
  return r;
}

TEST(Router, MatchesBareAndUnderApi) {
  auto r = make_router();
  for (const char* path : {"/management/customers", "/api/management/customers",
                           "/management/customers/", "/api/management/customers/"}) {
    auto m = r.match("GET", path);
    ASSERT_EQ(m.route, 0u) << path;
    EXPECT_FALSE(m.path_tenant);
  }
}

TEST(Router, TakesTheTenantSegmentAfterATenantPrefix) {
  auto r = make_router();
  auto m = r.match("GET", "/api/management/42/customers");
  ASSERT_EQ(m.route, 0u);
  ASSERT_TRUE(m.path_tenant);
  EXPECT_EQ(*m.path_tenant, 42);
  m = r.match("GET", "/management/7/os/3/items/9");
  ASSERT_EQ(m.route, 2u);
  EXPECT_EQ(*m.path_tenant, 7);
  ASSERT_EQ(m.params.size(), 2u);
  EXPECT_EQ(m.params[0], (std::pair<std::string, std::string>{"id", "3"}));
  EXPECT_EQ(m.params[1], (std::pair<std::string, std::string>{"item_id", "9"}));
}

TEST(Router, NoTenantSegmentOutsideTenantPrefixes) {
  auto r = make_router();
  EXPECT_FALSE(r.match("GET", "/users/5/seed-demo").route);
  EXPECT_TRUE(r.match("GET", "/management/99999999999999999999/customers").bad_tenant_segment);
}

TEST(Router, IntegerParametersRejectText) {
  auto r = make_router();
  EXPECT_FALSE(r.match("GET", "/management/os/abc/items/1").route);
  EXPECT_FALSE(r.match("PATCH", "/users/seed-demo").route);
  EXPECT_EQ(r.match("POST", "/users/seed-demo").route, 4u);
  auto p = r.match("GET", "/portal/abc-123");
  ASSERT_EQ(p.route, 3u);
  EXPECT_EQ(p.params[0].second, "abc-123");
}

TEST(Router, ReportsAllowedMethodsForAKnownPath) {
  auto r = make_router();
  auto m = r.match("DELETE", "/management/customers");
  EXPECT_FALSE(m.route);
  EXPECT_EQ(m.allowed, (std::vector<std::string>{"GET", "POST"}));
  EXPECT_TRUE(r.match("GET", "/nothing/here").allowed.empty());
}

TEST(Router, KnowsWhichPathsBelongToTheApi) {
  auto r = make_router();
  for (const char* p : {"/api/x", "/management/os", "/auth/login", "/users", "/me", "/health",
                        "/metrics", "/tenant/theme", "/financial/x", "/portal/t"})
    EXPECT_TRUE(r.is_api_path(p)) << p;
  for (const char* p : {"/", "/clientes", "/ordens/12", "/assets/index.js", "/login"})
    EXPECT_FALSE(r.is_api_path(p)) << p;
}

TEST(Target, DecodesPathAndQueryOnce) {
  auto t = parse_target("/api/management/customers?q=Jo%C3%A3o+Silva&limit=20&empty=&flag");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->path, "/api/management/customers");
  EXPECT_EQ(t->query, "q=Jo%C3%A3o+Silva&limit=20&empty=&flag");
  Request req;
  req.query_params = t->params;
  EXPECT_EQ(req.query_param("q").value(), "João Silva");
  EXPECT_EQ(req.query_param("limit").value(), "20");
  EXPECT_EQ(req.query_param("empty").value(), "");
  EXPECT_EQ(req.query_param("flag").value(), "");
  EXPECT_FALSE(req.query_param("missing"));
  EXPECT_EQ(parse_target("/clientes/Jo%C3%A3o")->path, "/clientes/João");
  EXPECT_FALSE(parse_target("/x?q=%ZZ"));
  EXPECT_FALSE(parse_target("http://other.host/x"));
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
