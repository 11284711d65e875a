#pragma once
// JSON text written straight from values and described structs, with no
// json::value built first: the lists and documents a read sends, where
// building a tree per row costs more than the rest of the request. Writes
// the same text as `dump` of the same value would (money as 150.75, ids as
// numbers, an absent optional as null).
#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "libs/core/ids.hpp"
#include "libs/json/json.hpp"
#include "libs/money/money.hpp"

namespace mg::json {

// A JSON string literal: quoted and escaped.
void write_string(std::string& out, std::string_view s);

inline void write(std::string& out, std::string_view s) {
  write_string(out, s);
}
inline void write(std::string& out, const std::string& s) {
  write_string(out, s);
}
inline void write(std::string& out, const char* s) {
  write_string(out, s);
}
void write(std::string& out, std::int64_t n);
inline void write(std::string& out, int n) {
  write(out, static_cast<std::int64_t>(n));
}
inline void write(std::string& out, bool b) {
  out += b ? "true" : "false";
}
void write(std::string& out, money::Money m);
inline void write(std::string& out, const value& v) {
  dump_to(out, v);
}
template <class Tag>
void write(std::string& out, Id<Tag> id) {
  write(out, id.value);
}

template <class T>
void write_value(std::string& out, const T& v);

template <class T>
void write(std::string& out, const std::optional<T>& v) {
  if (v) {
    write_value(out, *v);
  } else {
    out += "null";
  }
}
template <class T>
void write(std::string& out, const std::vector<T>& items) {
  out += '[';
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += ',';
    write_value(out, items[i]);
  }
  out += ']';
}

// `"key":` after a comma when the object already has members (`out` does not
// end with its opening brace).
inline void write_key(std::string& out, std::string_view key) {
  if (out.back() != '{') out += ',';
  write_string(out, key);
  out += ':';
}
template <class V>
void write_member(std::string& out, std::string_view key, const V& v) {
  write_key(out, key);
  write_value(out, v);
}

// A described struct's members, in order, into the object being written;
// those `skip(name)` names are left out.
template <class T, class Skip>
void write_members(std::string& out, const T& row, Skip&& skip) {
  using Members = boost::describe::describe_members<T, boost::describe::mod_public>;
  boost::mp11::mp_for_each<Members>([&](auto member) {
    if (!skip(std::string_view(member.name))) write_member(out, member.name, row.*member.pointer);
  });
}
template <class T>
void write_members(std::string& out, const T& row) {
  write_members(out, row, [](std::string_view) { return false; });
}

// A value: a described struct as an object, anything else through the
// `write` overloads (found by argument-dependent lookup for a module's own
// types, e.g. workshop's Quantity).
template <class T>
void write_value(std::string& out, const T& v) {
  if constexpr (boost::describe::has_describe_members<T>::value) {
    out += '{';
    write_members(out, v);
    out += '}';
  } else {
    write(out, v);
  }
}

}  // namespace mg::json
