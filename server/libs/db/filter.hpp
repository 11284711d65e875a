#pragma once
// The one way to build filtered lists. Only the filters a request uses go
// into the SQL, so each combination is its own named, prepared statement with
// a plan that fits it: a catch-all "($1 is null or …)" text would share one
// generic plan whose estimates fit no case (the page of recent orders must
// walk its index and stop after `limit` rows however many the tenant has).
//
//   db::Filter f;
//   f.where("status", "o.status = ?", filter.status);        // only when given
//   auto list = f.query("orders.list", kListSql, {db::val(limit), db::val(offset)});
//
// In the SQL text, `{where}` becomes "where … and …" (or nothing), `{and}`
// becomes "and … and …" (after a fixed condition), and `{1}`, `{2}`… the
// parameters passed after the filters'. In a condition, every `?` is that
// filter's (first) parameter, and `?2` its second. The statement is named
// after the filters used: "orders.list[status,q]".
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "libs/db/database.hpp"

namespace mg::db {

class Filter {
 public:
  // Adds the condition only when `value` is given (a null Value is "not given").
  Filter& where(std::string_view tag, std::string_view condition, Value value);
  Filter& where(std::string_view tag, std::string_view condition, Value first, Value second);
  template <class T>
  Filter& where(std::string_view tag, std::string_view condition, const std::optional<T>& value) {
    if (value) where(tag, condition, val(*value));
    return *this;
  }
  // A condition with no parameter, when `on`.
  Filter& where_if(bool on, std::string_view tag, std::string_view condition);

  bool empty() const { return conditions_.empty(); }
  bool uses(std::string_view tag) const;

  Query query(std::string_view name, std::string_view sql, std::vector<Value> extra = {}) const;

 private:
  std::vector<std::string> tags_;
  std::vector<std::string> conditions_;  // with $n already numbered
  std::vector<Value> params_;
};

}  // namespace mg::db
