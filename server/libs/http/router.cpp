#include "libs/http/router.hpp"

#include <algorithm>
#include <array>
#include <charconv>

namespace mg::http {
namespace {

constexpr std::array<std::string_view, 4> kTenantPrefixes = {"management", "financial", "teamcrm",
                                                             "ai"};
constexpr std::array<std::string_view, 15> kApiPrefixes = {
    "api", "auth",        "users",     "me",     "tenant",   "management", "financial", "teamcrm",
    "ai",  "automations", "messaging", "portal", "overview", "health",     "ready"};

std::vector<std::string_view> split(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < path.size()) {
    while (i < path.size() && path[i] == '/') ++i;
    std::size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    if (j > i) out.push_back(path.substr(i, j - i));
    i = j;
  }
  return out;
}

bool all_digits(std::string_view s) {
  return !s.empty() && s.size() <= 18 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string_view strip_api(std::string_view path) {
  if (path == "/api") return "/";
  if (path.starts_with("/api/")) return path.substr(4);
  return path;
}

}  // namespace

void Router::add(Route route) {
  std::vector<Segment> segs;
  for (auto s : split(route.pattern)) {
    Segment seg;
    if (s.size() > 2 && s.front() == '{' && s.back() == '}') {
      std::string_view inner = s.substr(1, s.size() - 2);
      seg.is_param = true;
      seg.is_int = !inner.ends_with(":str");
      seg.text = std::string(seg.is_int ? inner : inner.substr(0, inner.size() - 4));
    } else {
      seg.text = std::string(s);
    }
    segs.push_back(std::move(seg));
  }
  compiled_.push_back(std::move(segs));
  routes_.push_back(std::move(route));
}

Router::Match Router::match(std::string_view method, std::string_view raw_path) const {
  Match m;
  auto segs = split(strip_api(raw_path));
  if (segs.size() >= 2 &&
      std::find(kTenantPrefixes.begin(), kTenantPrefixes.end(), segs[0]) != kTenantPrefixes.end() &&
      !segs[1].empty() && (segs[1][0] >= '0' && segs[1][0] <= '9')) {
    std::int64_t tenant = 0;
    auto [p, ec] = std::from_chars(segs[1].data(), segs[1].data() + segs[1].size(), tenant);
    if (ec != std::errc() || p != segs[1].data() + segs[1].size()) {
      m.bad_tenant_segment = true;
      return m;
    }
    m.path_tenant = tenant;
    segs.erase(segs.begin() + 1);
  }
  for (std::size_t r = 0; r < routes_.size(); ++r) {
    const auto& pattern = compiled_[r];
    if (pattern.size() != segs.size()) continue;
    bool ok = true;
    for (std::size_t i = 0; i < segs.size() && ok; ++i) {
      const auto& p = pattern[i];
      ok = p.is_param ? (!p.is_int || all_digits(segs[i])) : p.text == segs[i];
    }
    if (!ok) continue;
    if (routes_[r].method != method) {
      if (std::find(m.allowed.begin(), m.allowed.end(), routes_[r].method) == m.allowed.end())
        m.allowed.push_back(routes_[r].method);
      continue;
    }
    m.route = &routes_[r];
    for (std::size_t i = 0; i < segs.size(); ++i)
      if (pattern[i].is_param) m.params.emplace_back(pattern[i].text, std::string(segs[i]));
    return m;
  }
  return m;
}

bool Router::is_api_path(std::string_view path) {
  auto segs = split(path);
  if (segs.empty()) return false;
  if (segs[0] == "metrics") return true;
  return std::find(kApiPrefixes.begin(), kApiPrefixes.end(), segs[0]) != kApiPrefixes.end();
}

}  // namespace mg::http
