// The OpenAPI document (docs/openapi.json, served at /api/openapi.json) and
// the router agree: every route is documented, every documented path exists.
#include <gtest/gtest.h>

#include <set>

#include "app/application.hpp"
#include "libs/api/routes.hpp"
#include "libs/db/embedded_files.hpp"
#include "libs/json/json.hpp"

namespace mg::app {
namespace {

std::string openapi_path(std::string pattern) {
  // {token:str} in the router is {token} in OpenAPI.
  for (auto pos = pattern.find(":str}"); pos != std::string::npos; pos = pattern.find(":str}"))
    pattern.erase(pos, 4);
  return pattern;
}

TEST(OpenApi, DocumentsExactlyTheRoutesTheServerServes) {
  config::Settings settings;
  settings.jwt_secret = std::string(32, 'k');
  db::Database db({.url = "postgresql://unused@/unused"});  // never connects here
  Application application(settings, db);

  std::set<std::pair<std::string, std::string>> served;
  for (const auto& r : application.routes()) {
    std::string method = r.method;
    for (auto& c : method) c = static_cast<char>(std::tolower(c));
    served.emplace(method, openapi_path(r.pattern));
  }

  auto doc = *json::parse(embedded::openapi_json());
  ASSERT_EQ(doc.at("openapi").as_string(), "3.1.0");
  std::set<std::pair<std::string, std::string>> documented;
  for (const auto& [path, item] : doc.at("paths").as_object())
    for (const auto& [method, op] : item.as_object())
      if (method != "parameters" && method != "summary" && method != "description")
        documented.emplace(std::string(method), std::string(path));

  for (const auto& r : served)
    EXPECT_TRUE(documented.count(r)) << "undocumented route: " << r.first << " " << r.second;
  for (const auto& d : documented)
    EXPECT_TRUE(served.count(d)) << "documented but not served: " << d.first << " " << d.second;
}

}  // namespace
}  // namespace mg::app
