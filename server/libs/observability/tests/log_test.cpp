#include "libs/observability/log.hpp"

#include <gtest/gtest.h>

namespace mg::log {
namespace {

// The lines written to stdout while `write` runs, each parsed.
template <class F>
std::vector<json::object> lines_of(F&& write) {
  ::testing::internal::CaptureStdout();
  write();
  const std::string out = ::testing::internal::GetCapturedStdout();
  std::vector<json::object> lines;
  std::size_t start = 0;
  for (std::size_t end; (end = out.find('\n', start)) != std::string::npos; start = end + 1)
    lines.push_back(json::parse(out.substr(start, end - start))->as_object());
  return lines;
}

TEST(Log, TheAccessLineCarriesTheRequestsFields) {
  init("api-gateway", "info");
  auto lines = lines_of([] {
    request({.trace_id = "abc",
             .method = "GET",
             .route = "/management/os/{id}",
             .path = "/management/os/\"7\"",
             .status = 404,
             .duration_ms = 1.5,
             .tenant_id = 3,
             .user_id = 9});
    request({.trace_id = "def",
             .method = "GET",
             .route = "/health",
             .path = "/health",
             .status = 200,
             .duration_ms = 0.25});
  });
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].at("msg"), "request");
  EXPECT_EQ(lines[0].at("level"), "info");
  EXPECT_EQ(lines[0].at("service"), "api-gateway");
  EXPECT_EQ(lines[0].at("path"), "/management/os/\"7\"");
  EXPECT_EQ(lines[0].at("status"), 404);
  EXPECT_EQ(lines[0].at("duration_ms"), 1.5);
  EXPECT_EQ(lines[0].at("tenant_id"), 3);
  EXPECT_EQ(lines[0].at("user_id"), 9);
  EXPECT_EQ(lines[0].at("ts").as_string().size(), 24u);  // 2026-12-02T03:45:12.954Z
  EXPECT_FALSE(lines[1].contains("tenant_id"));
  EXPECT_FALSE(lines[1].contains("user_id"));
}

TEST(Log, BelowTheLevelNothingIsWritten) {
  init("api-gateway", "warn");
  auto lines = lines_of([] {
    request({.trace_id = "abc", .method = "GET", .route = "/health", .path = "/health"});
    info("quiet");
    warn("loud", {{"n", 1}, {"msg", "not the line's"}});
  });
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].at("msg"), "loud");
  EXPECT_EQ(lines[0].at("n"), 1);
  init("api-gateway", "info");
}

}  // namespace
}  // namespace mg::log
