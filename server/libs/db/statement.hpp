#pragma once
// Queries have names. Every statement is a Statement: a name ("orders.find",
// the store and the query) and its SQL. A connection prepares it once under
// that name, and the name leads the text as a comment, so pg_stat_statements,
// PostgreSQL's logs and our slow-query line all say which query it is.
#include <string>
#include <string_view>

namespace mg::db {

class Statement {
 public:
  // Statements live for the life of the process (namespace-scope constants in
  // the stores, or intern()ed variants); names are unique.
  Statement(std::string_view name, std::string_view sql);
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  const std::string& name() const { return name_; }
  const std::string& sql() const { return sql_; }  // "/* name */ select …"

 private:
  std::string name_;
  std::string sql_;
};

// A statement built at run time (a list filtered by the filters a request
// uses): the same name gives the same Statement, kept for the life of the
// process. Only for texts drawn from a small, fixed set of variants — values
// always travel as parameters.
const Statement& intern(std::string_view name, std::string_view sql);

}  // namespace mg::db
