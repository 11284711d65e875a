// Queries have names: each statement is prepared under its name, and the name
// leads its text, so PostgreSQL's views and logs say which query it is.
#include <gtest/gtest.h>

#include "libs/db/database.hpp"
#include "libs/db/filter.hpp"
#include "libs/db/testing/test_database.hpp"

namespace mg::db {
namespace {

const Statement kProbe("statements_test.probe", "select $1::int + 1 as n");
const Statement kPrepared("statements_test.prepared",
                          "select name, statement from pg_prepared_statements order by name");

TEST(Statements, ArePreparedUnderTheirNames) {
  auto t = testing::create_database("statements");
  {
    Database db({.url = t.app_url, .size = 1});  // one connection: the same session throughout
    auto r = db.global([](Tx& tx) { return tx.exec(kProbe, 41); });
    EXPECT_EQ(r[0].i64("n"), 42);
    Filter f;
    f.where("x", "n = ?", val(3));
    auto filtered = db.global([&](Tx& tx) {
      return tx.exec(f.query("statements_test.list",
                             "select n from generate_series(1, 5) n {where} limit {1}", {val(10)}));
    });
    EXPECT_EQ(filtered.size(), 1);
    auto prepared = db.global([](Tx& tx) { return tx.exec(kPrepared); });
    std::map<std::string, std::string> by_name;
    for (int i = 0; i < prepared.size(); ++i)
      by_name[prepared[i].str("name")] = prepared[i].str("statement");
    ASSERT_TRUE(by_name.count("statements_test.probe"));
    EXPECT_EQ(by_name["statements_test.probe"],
              "/* statements_test.probe */ select $1::int + 1 as n");
    ASSERT_TRUE(by_name.count("statements_test.list[x]"));
    EXPECT_EQ(by_name["statements_test.list[x]"],
              "/* statements_test.list[x] */ select n from generate_series(1, 5) n where n = $1 "
              "limit $2");
  }
  testing::drop_database(t);
}

}  // namespace
}  // namespace mg::db
