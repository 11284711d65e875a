#include "libs/json/json.hpp"

#include "libs/json/writer.hpp"

#include <boost/json/parse.hpp>
#include <charconv>
#include <cmath>

namespace mg::json {
namespace {

template <class T>
void dump_number(std::string& out, T n) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, n);
  out.append(buf, end);
}

}  // namespace

void dump_to(std::string& out, const value& v) {
  switch (v.kind()) {
    case boost::json::kind::null:
      out += "null";
      break;
    case boost::json::kind::bool_:
      out += v.get_bool() ? "true" : "false";
      break;
    case boost::json::kind::int64:
      dump_number(out, v.get_int64());
      break;
    case boost::json::kind::uint64:
      dump_number(out, v.get_uint64());
      break;
    case boost::json::kind::double_: {
      double d = v.get_double();
      if (!std::isfinite(d)) {
        out += "null";
      } else {
        dump_number(out, d);  // shortest round-trip form: 150.75
      }
      break;
    }
    case boost::json::kind::string:
      write_string(out, v.get_string());
      break;
    case boost::json::kind::array: {
      out.push_back('[');
      bool first = true;
      for (const auto& e : v.get_array()) {
        if (!first) out.push_back(',');
        first = false;
        dump_to(out, e);
      }
      out.push_back(']');
      break;
    }
    case boost::json::kind::object: {
      out.push_back('{');
      bool first = true;
      for (const auto& kv : v.get_object()) {
        if (!first) out.push_back(',');
        first = false;
        write_string(out, kv.key());
        out.push_back(':');
        dump_to(out, kv.value());
      }
      out.push_back('}');
      break;
    }
  }
}

void write_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  // Runs of characters that need no escape go in one append.
  std::size_t run = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += "\\u00";
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 15]);
    }
  }
  out.append(s.data() + run, s.size() - run);
  out.push_back('"');
}

void write(std::string& out, std::int64_t n) {
  dump_number(out, n);
}

void write(std::string& out, money::Money m) {
  // As json::money: whole reais as integers, else the shortest form (150.75).
  if (m.cents % 100 == 0) {
    dump_number(out, m.cents / 100);
  } else {
    dump_number(out, static_cast<double>(m.cents) / 100.0);
  }
}

std::string dump(const value& v) {
  std::string out;
  out.reserve(256);
  dump_to(out, v);
  return out;
}

std::optional<value> parse(std::string_view text) {
  boost::system::error_code ec;
  value v = boost::json::parse(text, ec);
  if (ec) return std::nullopt;
  return v;
}

value money(money::Cents cents) {
  if (cents % 100 == 0) return value(cents / 100);
  // Every cents value below 2^53 has an exact shortest decimal form.
  return value(static_cast<double>(cents) / 100.0);
}

std::optional<std::int64_t> as_int64(const value& v) {
  if (v.is_int64()) return v.get_int64();
  if (v.is_uint64() && v.get_uint64() <= static_cast<std::uint64_t>(INT64_MAX))
    return static_cast<std::int64_t>(v.get_uint64());
  if (v.is_double()) {
    double d = v.get_double();
    if (std::isfinite(d) && std::floor(d) == d && std::fabs(d) < 9e15)
      return static_cast<std::int64_t>(d);
    return std::nullopt;
  }
  if (v.is_string()) {
    std::string_view s = v.get_string();
    std::int64_t n = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
    if (ec == std::errc() && end == s.data() + s.size() && !s.empty()) return n;
  }
  return std::nullopt;
}

}  // namespace mg::json
