#pragma once
// Query results in text format, read by column name, or mapped onto a
// described struct (BOOST_DESCRIBE_STRUCT): each member takes the column of
// its name, converted by the member's type.
#include <array>
#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>
#include <charconv>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "libs/core/ids.hpp"
#include "libs/money/money.hpp"

struct pg_result;

namespace mg::db {

class Result;

// Column text → a member's type. Overloads for the types rows carry.
inline void from_text(std::string_view t, std::string& out) {
  out.assign(t);
}
inline void from_text(std::string_view t, std::int64_t& out) {
  std::from_chars(t.data(), t.data() + t.size(), out);
}
inline void from_text(std::string_view t, int& out) {
  std::from_chars(t.data(), t.data() + t.size(), out);
}
inline void from_text(std::string_view t, bool& out) {
  out = !t.empty() && t[0] == 't';
}
inline void from_text(std::string_view t, money::Money& out) {
  from_text(t, out.cents);
}
template <class Tag>
void from_text(std::string_view t, Id<Tag>& out) {
  from_text(t, out.value);
}

class Row {
 public:
  Row(const Result& result, int row) : result_(&result), row_(row) {}
  bool is_null(std::string_view column) const;
  std::string_view text(std::string_view column) const;
  std::string str(std::string_view column) const { return std::string(text(column)); }
  std::int64_t i64(std::string_view column) const;
  bool boolean(std::string_view column) const;
  std::optional<std::string> opt_str(std::string_view column) const;
  std::optional<std::int64_t> opt_i64(std::string_view column) const;

  // By column index (see Result::column).
  bool is_null(int column) const;
  std::string_view text(int column) const;

 private:
  int col(std::string_view column) const;
  const Result* result_;
  int row_;
};

class Result {
 public:
  Result() = default;
  explicit Result(pg_result* res);
  int size() const;
  bool empty() const { return size() == 0; }
  Row operator[](int row) const { return Row(*this, row); }
  std::int64_t affected() const;            // rows touched by INSERT/UPDATE/DELETE
  int column(std::string_view name) const;  // -1 when absent
  pg_result* raw() const { return res_.get(); }

  // Every row as a described struct T (column indices looked up once).
  template <class T>
  std::vector<T> as() const;
  // The first row as T; nullopt when there is none.
  template <class T>
  std::optional<T> first() const;

 private:
  template <class T>
  struct Mapping;
  std::shared_ptr<pg_result> res_;
};

template <class T>
void from_row(const Row& row, int column, T& out) {
  from_text(row.text(column), out);
}
template <class T>
void from_row(const Row& row, int column, std::optional<T>& out) {
  if (row.is_null(column)) {
    out.reset();
  } else {
    T v{};
    from_text(row.text(column), v);
    out = std::move(v);
  }
}

template <class T>
struct Result::Mapping {
  using Members = boost::describe::describe_members<T, boost::describe::mod_public>;
  std::array<int, boost::mp11::mp_size<Members>::value> columns{};

  explicit Mapping(const Result& r) {
    std::size_t i = 0;
    boost::mp11::mp_for_each<Members>([&](auto member) {
      columns[i] = r.column(member.name);
      if (columns[i] < 0)
        throw std::logic_error(std::string("no column ") + member.name + " in result");
      ++i;
    });
  }
  T read(const Row& row) const {
    T out{};
    std::size_t i = 0;
    boost::mp11::mp_for_each<Members>(
        [&](auto member) { from_row(row, columns[i++], out.*member.pointer); });
    return out;
  }
};

template <class T>
std::vector<T> Result::as() const {
  std::vector<T> out;
  if (empty()) return out;
  const Mapping<T> map(*this);
  out.reserve(static_cast<std::size_t>(size()));
  for (int i = 0; i < size(); ++i) out.push_back(map.read((*this)[i]));
  return out;
}

template <class T>
std::optional<T> Result::first() const {
  if (empty()) return std::nullopt;
  return Mapping<T>(*this).read((*this)[0]);
}

}  // namespace mg::db
