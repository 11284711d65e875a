#include "libs/http/router.hpp"

#include <algorithm>
#include <charconv>

namespace mg::http {
namespace {

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

bool contains(const std::vector<std::string>& list, std::string_view s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

}  // namespace

std::size_t Router::add(std::string method, std::string_view pattern) {
  Compiled route{std::move(method), {}};
  for (auto s : split(pattern)) {
    Segment seg;
    if (s.size() > 2 && s.front() == '{' && s.back() == '}') {
      std::string_view inner = s.substr(1, s.size() - 2);
      seg.is_param = true;
      seg.is_int = !inner.ends_with(":str");
      seg.text = std::string(seg.is_int ? inner : inner.substr(0, inner.size() - 4));
    } else {
      seg.text = std::string(s);
    }
    route.segments.push_back(std::move(seg));
  }
  routes_.push_back(std::move(route));
  return routes_.size() - 1;
}

void Router::set_tenant_prefixes(std::vector<std::string> prefixes) {
  tenant_prefixes_ = std::move(prefixes);
}

void Router::set_api_prefixes(std::vector<std::string> prefixes) {
  api_prefixes_ = std::move(prefixes);
  if (!contains(api_prefixes_, "api")) api_prefixes_.emplace_back("api");
}

Router::Match Router::match(std::string_view method, std::string_view raw_path) const {
  Match m;
  auto segs = split(strip_api(raw_path));
  if (segs.size() >= 2 && contains(tenant_prefixes_, segs[0]) && segs[1][0] >= '0' &&
      segs[1][0] <= '9') {
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
    const auto& pattern = routes_[r].segments;
    if (pattern.size() != segs.size()) continue;
    bool ok = true;
    for (std::size_t i = 0; i < segs.size() && ok; ++i) {
      const auto& p = pattern[i];
      ok = p.is_param ? (!p.is_int || all_digits(segs[i])) : p.text == segs[i];
    }
    if (!ok) continue;
    if (routes_[r].method != method) {
      if (!contains(m.allowed, routes_[r].method)) m.allowed.push_back(routes_[r].method);
      continue;
    }
    m.route = r;
    for (std::size_t i = 0; i < segs.size(); ++i)
      if (pattern[i].is_param) m.params.emplace_back(pattern[i].text, std::string(segs[i]));
    return m;
  }
  return m;
}

bool Router::is_api_path(std::string_view path) const {
  auto segs = split(path);
  return !segs.empty() && contains(api_prefixes_, segs[0]);
}

}  // namespace mg::http
