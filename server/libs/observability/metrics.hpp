#pragma once
// Prometheus metrics (prometheus-cpp's registry and text format) at /metrics.
// The hot path finds its series in a thread-local cache keyed by the route's
// index and the status, so answering a request builds no label strings and
// takes no registry lock.
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace mg::metrics {

void set_service(std::string service);

// `route_id` is stable per (method, route) for the life of the process.
void observe_request(std::size_t route_id, std::string_view method, std::string_view route,
                     unsigned status, double seconds);
void count_auth_error(std::string_view code);
// A plain counter of the service, e.g. os_created_total.
void count(std::string_view name, std::string_view help);
// The same counter as a handle, for a hot path: get it once, bump it lock-free.
class Counter {
 public:
  void increment();

 private:
  friend Counter counter(std::string_view, std::string_view);
  void* series_ = nullptr;
};
Counter counter(std::string_view name, std::string_view help);

// Gauges read at render time (the database pool).
struct GaugeValue {
  std::string name, help;
  std::vector<std::pair<std::string, std::string>> labels;
  double value = 0;
};
void add_gauge_source(std::function<std::vector<GaugeValue>()> read);

std::string render();

}  // namespace mg::metrics
