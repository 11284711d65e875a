#include "libs/observability/log.hpp"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <chrono>
#include <ctime>

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

void write(Level level, std::string_view msg, const json::object& fields) {
  if (!enabled(level)) return;
  json::object line;
  line.reserve(fields.size() + 4);
  line["ts"] = timestamp();
  line["level"] = name(level);
  line["service"] = g_service;
  line["msg"] = msg;
  for (const auto& kv : fields) line[kv.key()] = kv.value();
  logger().info(json::dump(line));
}

}  // namespace mg::log
