#include "libs/json/json.hpp"

#include <boost/json/parse.hpp>
#include <charconv>
#include <cmath>

namespace mg::json {
namespace {

void dump_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  for (unsigned char c : s) {
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
        if (c < 0x20) {
          out += "\\u00";
          out.push_back(kHex[c >> 4]);
          out.push_back(kHex[c & 15]);
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
  }
  out.push_back('"');
}

template <class T>
void dump_number(std::string& out, T n) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, n);
  out.append(buf, end);
}

const std::string kRequired = "obrigatório";
const std::string kInvalid = "inválido";

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
      dump_string(out, v.get_string());
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
        dump_string(out, kv.key());
        out.push_back(':');
        dump_to(out, kv.value());
      }
      out.push_back('}');
      break;
    }
  }
}

std::string dump(const value& v) {
  std::string out;
  out.reserve(256);
  dump_to(out, v);
  return out;
}

value parse(std::string_view text) {
  boost::system::error_code ec;
  value v = boost::json::parse(text, ec);
  if (ec) throw errors::bad_request("O corpo da requisição não é um JSON válido.");
  return v;
}

value money(money::Cents cents) {
  if (cents % 100 == 0) return value(cents / 100);
  // Every cents value below 2^53 has an exact shortest decimal form.
  return value(static_cast<double>(cents) / 100.0);
}

value nullable(const std::optional<std::string>& s) {
  return s ? value(*s) : value(nullptr);
}
value nullable(const std::optional<std::int64_t>& n) {
  return n ? value(*n) : value(nullptr);
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

Input::Input(const value& body) : object_(body.if_object()) {
  if (!object_) throw errors::bad_request("O corpo da requisição deve ser um objeto JSON.");
}

const value* Input::find(std::string_view key) const {
  return object_->if_contains(key);
}

bool Input::has(std::string_view key) const {
  return find(key) != nullptr;
}

bool Input::is_null(std::string_view key) const {
  const value* v = find(key);
  return v && v->is_null();
}

void Input::fail(std::string key, std::string problem) {
  for (const auto& p : problems_)
    if (p.first == key) return;  // the first problem of a field is the one to fix
  problems_.emplace_back(std::move(key), std::move(problem));
}

std::optional<std::string> Input::text(std::string_view key, TextRule rule) {
  const value* v = find(key);
  if (!v || v->is_null()) {
    if (rule.required) fail(std::string(key), kRequired);
    return std::nullopt;
  }
  std::string s;
  if (v->is_string()) {
    s = std::string(v->get_string());
  } else if (v->is_int64() || v->is_uint64()) {
    s = dump(*v);  // a phone or document typed as a number
  } else {
    fail(std::string(key), "deve ser texto");
    return std::nullopt;
  }
  auto first = s.find_first_not_of(" \t\r\n");
  auto last = s.find_last_not_of(" \t\r\n");
  s = first == std::string::npos ? std::string() : s.substr(first, last - first + 1);
  if (s.empty() && !rule.allow_empty) {
    if (rule.required) fail(std::string(key), kRequired);
    return rule.required ? std::nullopt : std::optional<std::string>(std::string());
  }
  // Length in characters, not bytes: pt-BR names carry accents.
  std::size_t chars = 0;
  for (unsigned char c : s) chars += (c & 0xC0) != 0x80;
  if (chars > rule.max_length) {
    fail(std::string(key), "máximo de " + std::to_string(rule.max_length) + " caracteres");
    return std::nullopt;
  }
  return s;
}

std::optional<std::int64_t> Input::integer(std::string_view key, IntRule rule) {
  const value* v = find(key);
  if (!v || v->is_null() || (v->is_string() && v->get_string().empty())) {
    if (rule.required) fail(std::string(key), kRequired);
    return std::nullopt;
  }
  auto n = as_int64(*v);
  if (!n) {
    fail(std::string(key), "deve ser um número inteiro");
    return std::nullopt;
  }
  if (*n < rule.min) {
    fail(std::string(key), "deve ser no mínimo " + std::to_string(rule.min));
    return std::nullopt;
  }
  if (*n > rule.max) {
    fail(std::string(key), "deve ser no máximo " + std::to_string(rule.max));
    return std::nullopt;
  }
  return n;
}

std::optional<money::Cents> Input::cents(std::string_view key, MoneyRule rule) {
  const value* v = find(key);
  if (!v || v->is_null() || (v->is_string() && v->get_string().empty())) {
    if (rule.required) fail(std::string(key), kRequired);
    return std::nullopt;
  }
  std::optional<money::Cents> c;
  if (v->is_string()) {
    c = money::parse_decimal(std::string_view(v->get_string()));
  } else if (v->is_int64()) {
    auto n = v->get_int64();
    if (n <= money::kMaxCents / 100 && n >= -money::kMaxCents / 100) c = n * 100;
  } else if (v->is_uint64()) {
    if (v->get_uint64() <= static_cast<std::uint64_t>(money::kMaxCents / 100))
      c = static_cast<money::Cents>(v->get_uint64()) * 100;
  } else if (v->is_double()) {
    c = money::from_double(v->get_double());
  }
  if (!c) {
    fail(std::string(key), "valor inválido (use até duas casas decimais)");
    return std::nullopt;
  }
  if (!rule.allow_negative && *c < 0) {
    fail(std::string(key), "não pode ser negativo");
    return std::nullopt;
  }
  return c;
}

std::optional<bool> Input::boolean(std::string_view key) {
  const value* v = find(key);
  if (!v || v->is_null()) return std::nullopt;
  if (v->is_bool()) return v->get_bool();
  if (auto n = as_int64(*v); n && (*n == 0 || *n == 1)) return *n == 1;
  if (v->is_string() && (v->get_string() == "true" || v->get_string() == "false"))
    return v->get_string() == "true";
  fail(std::string(key), "deve ser verdadeiro ou falso");
  return std::nullopt;
}

void Input::check() const {
  if (problems_.empty()) return;
  const auto& [field, problem] = problems_.front();
  std::string message = "Dados inválidos: " + field + " " + problem + ".";
  throw errors::validation(std::move(message), problems_);
}

}  // namespace mg::json
