#include "libs/observability/metrics.hpp"

#include <array>
#include <cstdio>
#include <map>
#include <mutex>
#include <tuple>
#include <vector>

namespace mg::metrics {
namespace {

constexpr std::array<double, 12> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                             0.1,   0.25,   0.5,   1.0,  2.5,   5.0};

struct Histogram {
  std::array<std::uint64_t, kBuckets.size()> buckets{};
  std::uint64_t count = 0;
  double sum = 0;
};

struct Registry {
  std::mutex mutex;
  std::string service = "api-gateway";
  std::map<std::tuple<std::string, std::string, unsigned>, std::uint64_t> requests;
  std::map<std::pair<std::string, std::string>, Histogram> durations;
  std::map<std::string, std::uint64_t> auth_errors;
  std::map<std::string, std::pair<std::string, std::uint64_t>> counters;
  std::vector<std::function<std::string()>> gauges;
};

Registry& registry() {
  static Registry r;
  return r;
}

std::string label(std::string_view v) {
  std::string out;
  for (char c : v) {
    if (c == '"' || c == '\\') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out.push_back(c);
  }
  return out;
}

}  // namespace

void set_service(std::string service) {
  std::lock_guard lock(registry().mutex);
  registry().service = std::move(service);
}

void observe_request(std::string_view method, std::string_view route, unsigned status,
                     double seconds) {
  auto& r = registry();
  std::lock_guard lock(r.mutex);
  ++r.requests[{std::string(method), std::string(route), status}];
  auto& h = r.durations[{std::string(method), std::string(route)}];
  for (std::size_t i = 0; i < kBuckets.size(); ++i)
    if (seconds <= kBuckets[i]) ++h.buckets[i];
  ++h.count;
  h.sum += seconds;
}

void count_auth_error(std::string_view code) {
  auto& r = registry();
  std::lock_guard lock(r.mutex);
  ++r.auth_errors[std::string(code)];
}

void count(std::string_view name, std::string_view help) {
  auto& r = registry();
  std::lock_guard lock(r.mutex);
  auto& c = r.counters[std::string(name)];
  c.first = help;
  ++c.second;
}

void add_gauge_source(std::function<std::string()> render) {
  std::lock_guard lock(registry().mutex);
  registry().gauges.push_back(std::move(render));
}

std::string render() {
  auto& r = registry();
  std::vector<std::function<std::string()>> gauges;
  std::string out;
  {
    std::lock_guard lock(r.mutex);
    const std::string svc = label(r.service);
    out +=
        "# HELP http_requests_total HTTP requests answered.\n# TYPE http_requests_total counter\n";
    for (const auto& [k, n] : r.requests) {
      const auto& [method, route, status] = k;
      out += "http_requests_total{service=\"" + svc + "\",method=\"" + label(method) +
             "\",route=\"" + label(route) + "\",status=\"" + std::to_string(status) + "\"} " +
             std::to_string(n) + "\n";
    }
    out +=
        "# HELP http_request_duration_seconds Time to answer a request.\n"
        "# TYPE http_request_duration_seconds histogram\n";
    char num[64];
    for (const auto& [k, h] : r.durations) {
      std::string labels = "service=\"" + svc + "\",method=\"" + label(k.first) + "\",route=\"" +
                           label(k.second) + "\"";
      for (std::size_t i = 0; i < kBuckets.size(); ++i) {
        std::snprintf(num, sizeof num, "%g", kBuckets[i]);
        out += "http_request_duration_seconds_bucket{" + labels + ",le=\"" + num + "\"} " +
               std::to_string(h.buckets[i]) + "\n";
      }
      out += "http_request_duration_seconds_bucket{" + labels + ",le=\"+Inf\"} " +
             std::to_string(h.count) + "\n";
      std::snprintf(num, sizeof num, "%.6f", h.sum);
      out += "http_request_duration_seconds_sum{" + labels + "} " + num + "\n";
      out +=
          "http_request_duration_seconds_count{" + labels + "} " + std::to_string(h.count) + "\n";
    }
    out +=
        "# HELP auth_errors_total Requests refused by authentication.\n# TYPE auth_errors_total "
        "counter\n";
    if (r.auth_errors.empty())
      out += "auth_errors_total{service=\"" + svc + "\",code=\"none\"} 0\n";
    for (const auto& [code, n] : r.auth_errors)
      out += "auth_errors_total{service=\"" + svc + "\",code=\"" + label(code) + "\"} " +
             std::to_string(n) + "\n";
    for (const auto& [name, c] : r.counters) {
      out += "# HELP " + name + " " + c.first + "\n# TYPE " + name + " counter\n";
      out += name + "{service=\"" + svc + "\"} " + std::to_string(c.second) + "\n";
    }
    gauges = r.gauges;
  }
  for (const auto& g : gauges) out += g();
  return out;
}

}  // namespace mg::metrics
