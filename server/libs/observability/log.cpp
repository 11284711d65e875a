#include "libs/observability/log.hpp"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <chrono>
#include <ctime>

#include "libs/json/writer.hpp"

namespace mg::log {
namespace {

std::string g_service = "api-gateway";
std::atomic<Level> g_level{Level::info};
std::shared_ptr<spdlog::logger> g_logger;

std::string_view name(Level l) {
  switch (l) {
    case Level::debug:
      return "debug";
    case Level::info:
      return "info";
    case Level::warn:
      return "warn";
    case Level::error:
      return "error";
  }
  return "info";
}

std::string timestamp() {
  using namespace std::chrono;
  auto now = system_clock::now();
  auto ms = duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000;
  std::time_t t = system_clock::to_time_t(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
  return buf;
}

spdlog::logger& logger() {
  if (!g_logger) {
    // spdlog writes the line; we build the JSON, so the pattern is bare.
    g_logger = spdlog::stdout_logger_mt("motogestor");
    g_logger->set_pattern("%v");
    g_logger->set_level(spdlog::level::trace);
    g_logger->flush_on(spdlog::level::trace);
  }
  return *g_logger;
}

}  // namespace

void init(std::string service, std::string_view level) {
  g_service = std::move(service);
  std::string l(level);
  for (auto& c : l) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (l == "debug")
    g_level = Level::debug;
  else if (l == "warn" || l == "warning")
    g_level = Level::warn;
  else if (l == "error")
    g_level = Level::error;
  else
    g_level = Level::info;
  logger();
}

bool enabled(Level level) {
  return level >= g_level.load();
}

namespace {

// The line so far: ts, level, service, msg; the caller adds its fields and the brace.
std::string& begin_line(Level level, std::string_view msg) {
  thread_local std::string line;
  line.clear();
  line += '{';
  json::write_member(line, "ts", timestamp());
  json::write_member(line, "level", name(level));
  json::write_member(line, "service", g_service);
  json::write_member(line, "msg", msg);
  return line;
}

}  // namespace

void write(Level level, std::string_view msg, const json::object& fields) {
  if (!enabled(level)) return;
  std::string& line = begin_line(level, msg);
  for (const auto& kv : fields) {
    if (kv.key() == "ts" || kv.key() == "level" || kv.key() == "service" || kv.key() == "msg")
      continue;  // the line's own
    json::write_member(line, kv.key(), kv.value());
  }
  line += '}';
  logger().info(std::string_view(line));
}

void request(const RequestLine& r) {
  if (!enabled(Level::info)) return;
  std::string& line = begin_line(Level::info, "request");
  json::write_member(line, "trace_id", r.trace_id);
  json::write_member(line, "method", r.method);
  json::write_member(line, "route", r.route);
  json::write_member(line, "path", r.path);
  json::write_member(line, "status", static_cast<std::int64_t>(r.status));
  json::write_member(line, "duration_ms", json::value(r.duration_ms));
  if (r.tenant_id) json::write_member(line, "tenant_id", *r.tenant_id);
  if (r.user_id) json::write_member(line, "user_id", *r.user_id);
  line += '}';
  logger().info(std::string_view(line));
}

}  // namespace mg::log
