#include "libs/json/input.hpp"

#include <cmath>

#include "libs/core/text.hpp"

namespace mg::json {
namespace {

const std::string kRequired = "obrigatório";

}  // namespace

Input::Input(const object& body, Labels labels) : object_(body), labels_(labels) {}

std::string Input::label(std::string_view key) const {
  for (const auto& [field, label] : labels_)
    if (field == key) return std::string(label);
  return std::string(key);
}

const value* Input::find(std::string_view key) const {
  return object_.if_contains(key);
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
  if (!text::no_controls(s)) {
    fail(std::string(key), "contém caracteres de controle");
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

std::optional<Failure> Input::failure() const {
  if (problems_.empty()) return std::nullopt;
  const auto& [field, problem] = problems_.front();
  return fail::invalid("Dados inválidos: " + label(field) + " " + problem + ".", problems_);
}

void Input::check() const {
  if (auto f = failure()) throw FailureError(std::move(*f));
}

}  // namespace mg::json
