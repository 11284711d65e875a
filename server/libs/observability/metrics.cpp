#include "libs/observability/metrics.hpp"

#include <prometheus/counter.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

#include <map>
#include <mutex>
#include <sstream>
#include <unordered_map>

namespace mg::metrics {
namespace {

const prometheus::Histogram::BucketBoundaries kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                          0.1,   0.25,   0.5,   1.0,  2.5,   5.0};

struct Registry {
  Registry()
      : requests(prometheus::BuildCounter()
                     .Name("http_requests_total")
                     .Help("HTTP requests answered.")
                     .Register(registry)),
        durations(prometheus::BuildHistogram()
                      .Name("http_request_duration_seconds")
                      .Help("Time to answer a request.")
                      .Register(registry)),
        auth_errors(prometheus::BuildCounter()
                        .Name("auth_errors_total")
                        .Help("Requests refused by authentication.")
                        .Register(registry)) {}

  prometheus::Registry registry;
  prometheus::Family<prometheus::Counter>& requests;
  prometheus::Family<prometheus::Histogram>& durations;
  prometheus::Family<prometheus::Counter>& auth_errors;
  std::mutex mutex;  // service name, counters by name, gauges: set-up and render only
  std::string service = "api-gateway";
  std::map<std::string, prometheus::Family<prometheus::Counter>*, std::less<>> counters;
  std::map<std::string, prometheus::Family<prometheus::Gauge>*, std::less<>> gauges;
  std::vector<std::function<std::vector<GaugeValue>()>> gauge_sources;
};

Registry& registry() {
  static Registry r;
  return r;
}

struct Series {
  prometheus::Counter* requests = nullptr;
  prometheus::Histogram* duration = nullptr;
};

std::string service_name() {
  auto& r = registry();
  std::lock_guard lock(r.mutex);
  return r.service;
}

}  // namespace

void set_service(std::string service) {
  auto& r = registry();
  std::lock_guard lock(r.mutex);
  r.service = std::move(service);
}

void observe_request(std::size_t route_id, std::string_view method, std::string_view route,
                     unsigned status, double seconds) {
  // Family::Add takes the family's lock: only on the first request of a
  // (route, status) on this thread.
  thread_local std::unordered_map<std::uint64_t, Series> cache;
  const std::uint64_t key = (std::uint64_t{route_id} << 16) | status;
  auto it = cache.find(key);
  if (it == cache.end()) {
    auto& r = registry();
    const std::string svc = service_name();
    prometheus::Labels labels{
        {"service", svc}, {"method", std::string(method)}, {"route", std::string(route)}};
    Series s;
    s.duration = &r.durations.Add(labels, kBuckets);
    labels["status"] = std::to_string(status);
    s.requests = &r.requests.Add(labels);
    it = cache.emplace(key, s).first;
  }
  it->second.requests->Increment();
  it->second.duration->Observe(seconds);
}

void count_auth_error(std::string_view code) {
  auto& r = registry();
  r.auth_errors.Add({{"service", service_name()}, {"code", std::string(code)}}).Increment();
}

void Counter::increment() {
  static_cast<prometheus::Counter*>(series_)->Increment();
}

Counter counter(std::string_view name, std::string_view help) {
  auto& r = registry();
  prometheus::Family<prometheus::Counter>* family = nullptr;
  std::string svc;
  {
    std::lock_guard lock(r.mutex);
    auto it = r.counters.find(name);
    if (it == r.counters.end()) {
      family = &prometheus::BuildCounter()
                    .Name(std::string(name))
                    .Help(std::string(help))
                    .Register(r.registry);
      r.counters.emplace(std::string(name), family);
    } else {
      family = it->second;
    }
    svc = r.service;
  }
  Counter c;
  c.series_ = &family->Add({{"service", svc}});
  return c;
}

void count(std::string_view name, std::string_view help) {
  counter(name, help).increment();
}

void add_gauge_source(std::function<std::vector<GaugeValue>()> read) {
  auto& r = registry();
  std::lock_guard lock(r.mutex);
  r.gauge_sources.push_back(std::move(read));
}

std::string render() {
  auto& r = registry();
  std::vector<std::function<std::vector<GaugeValue>()>> sources;
  {
    std::lock_guard lock(r.mutex);
    sources = r.gauge_sources;
  }
  for (const auto& read : sources) {
    for (const auto& g : read()) {
      prometheus::Family<prometheus::Gauge>* family = nullptr;
      {
        std::lock_guard lock(r.mutex);
        auto it = r.gauges.find(g.name);
        if (it == r.gauges.end()) {
          family = &prometheus::BuildGauge().Name(g.name).Help(g.help).Register(r.registry);
          r.gauges.emplace(g.name, family);
        } else {
          family = it->second;
        }
      }
      prometheus::Labels labels(g.labels.begin(), g.labels.end());
      family->Add(labels).Set(g.value);
    }
  }
  std::ostringstream out;
  prometheus::TextSerializer().Serialize(out, r.registry.Collect());
  return out.str();
}

}  // namespace mg::metrics
