#include "libs/db/filter.hpp"

#include <gtest/gtest.h>

#include "libs/db/constraints.hpp"

namespace mg::db {
namespace {

TEST(Filter, OnlyTheFiltersGivenGoIntoTheSql) {
  Filter f;
  f.where("status", "o.status = ?", val("OPEN"));
  f.where("customer", "o.customer_id = ?", std::optional<std::int64_t>{});  // not given
  f.where("q", "(a like ? or b like ?)", val("x"));
  auto q = f.query("t.list", "select * from t {where} order by id limit {1} offset {2}",
                   {val(std::int64_t{50}), val(std::int64_t{0})});
  EXPECT_EQ(q.statement->name(), "t.list[status,q]");
  EXPECT_EQ(q.statement->sql(),
            "/* t.list[status,q] */ select * from t where o.status = $1 and (a like $2 or b "
            "like $2) order by id limit $3 offset $4");
  ASSERT_EQ(q.params.size(), 4u);
  EXPECT_EQ(q.params[0], "OPEN");
  EXPECT_EQ(q.params[1], "x");
  EXPECT_EQ(q.params[2], "50");
}

TEST(Filter, NoFilterNoWhereAndTwoParameterConditions) {
  Filter none;
  EXPECT_EQ(none.query("t.count", "select count(*) from t {where}").statement->sql(),
            "/* t.count[] */ select count(*) from t ");
  Filter two;
  two.where("p", "(a = ? or (?2 <> '' and b = ?2))", val("x"), val("y"));
  two.where_if(true, "low", "c <= d");
  auto q = two.query("t.two", "select 1 from t where e {and}");
  EXPECT_EQ(q.statement->sql(),
            "/* t.two[p,low] */ select 1 from t where e and (a = $1 or ($2 <> "
            "'' and b = $2)) and c <= d");
  EXPECT_EQ(q.params.size(), 2u);
}

TEST(Filter, TheSameVariantIsTheSameStatement) {
  Filter a, b;
  a.where("x", "x = ?", val(1));
  b.where("x", "x = ?", val(2));
  EXPECT_EQ(a.query("t.same", "select {where}").statement,
            b.query("t.same", "select {where}").statement);
}

TEST(Statement, TwoStatementsMayNotShareANameWithDifferentSql) {
  const Statement first("filter_test.unique", "select 1");
  EXPECT_NO_THROW(Statement("filter_test.unique", "select 1"));
  EXPECT_THROW(Statement("filter_test.unique", "select 2"), std::logic_error);
}

TEST(Constraints, MapTheirViolationsToFailures) {
  const Constraints c{{"t_key", fail::conflict("Já existe.", {{"sku", "já cadastrado"}})}};
  auto mapped = c.guard([]() -> int { throw Error("23505", "t_key", "duplicate"); });
  ASSERT_FALSE(mapped);
  EXPECT_EQ(mapped.error().kind, FailureKind::conflict);
  EXPECT_EQ(mapped.error().details[0].first, "sku");
  EXPECT_THROW(c.guard([] { throw Error("23505", "other_key", "duplicate"); }), Error);
  EXPECT_EQ(c.guard([] { return 7; }).value(), 7);
  EXPECT_TRUE(c.guard([] {}));
}

}  // namespace
}  // namespace mg::db
