#pragma once
// JSON lines on stdout: ts, level, service, msg, and whatever fields the
// caller adds (trace_id, tenant_id, user_id, method, route, status,
// duration_ms). Nothing secret goes in: no passwords, tokens or documents.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "libs/json/json.hpp"

namespace mg::log {

enum class Level { debug, info, warn, error };

void init(std::string service, std::string_view level);
bool enabled(Level level);
void write(Level level, std::string_view msg, const json::object& fields = {});

inline void debug(std::string_view msg, const json::object& f = {}) {
  write(Level::debug, msg, f);
}
inline void info(std::string_view msg, const json::object& f = {}) {
  write(Level::info, msg, f);
}
inline void warn(std::string_view msg, const json::object& f = {}) {
  write(Level::warn, msg, f);
}
inline void error(std::string_view msg, const json::object& f = {}) {
  write(Level::error, msg, f);
}

// One request's access-log line (msg "request"), written straight to text:
// the line every request writes costs no JSON tree.
struct RequestLine {
  std::string_view trace_id, method, route, path;
  unsigned status = 0;
  double duration_ms = 0;
  std::optional<std::int64_t> tenant_id, user_id;
};
void request(const RequestLine& line);

}  // namespace mg::log
