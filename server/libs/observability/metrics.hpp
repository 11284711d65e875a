#pragma once
// Prometheus counters and histograms in memory, rendered as text at /metrics.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace mg::metrics {

void set_service(std::string service);
void observe_request(std::string_view method, std::string_view route, unsigned status,
                     double seconds);
void count_auth_error(std::string_view code);
void count(std::string_view name, std::string_view help);  // a plain counter, e.g. os_created_total
// Gauges read at render time (the database pool).
void add_gauge_source(std::function<std::string()> render);
std::string render();

}  // namespace mg::metrics
