#include "libs/json/json.hpp"

#include <gtest/gtest.h>

namespace mg::json {
namespace {

TEST(Json, DumpsMoneyAsPlainDecimals) {
  EXPECT_EQ(dump(money(15075)), "150.75");
  EXPECT_EQ(dump(money(10)), "0.1");
  EXPECT_EQ(dump(money(100)), "1");
  EXPECT_EQ(dump(money(99999999999)), "999999999.99");
  EXPECT_EQ(dump(object{{"a", "x\"y\n"}, {"b", nullptr}, {"c", array{1, true}}}),
            "{\"a\":\"x\\\"y\\n\",\"b\":null,\"c\":[1,true]}");
}

TEST(Json, ParseRejectsNonJson) {
  EXPECT_THROW(parse("{nope"), ApiError);
  EXPECT_TRUE(parse("{\"a\":1}").is_object());
}

TEST(Input, CollectsEveryProblem) {
  auto body = parse(R"({"name":"  ", "year":"abc", "price":"1.234"})");
  Input in(body);
  EXPECT_FALSE(in.text("name", {.required = true}));
  EXPECT_FALSE(in.integer("year"));
  EXPECT_FALSE(in.cents("price"));
  EXPECT_FALSE(in.text("email", {.required = true}));
  try {
    in.check();
    FAIL();
  } catch (const ApiError& e) {
    EXPECT_EQ(e.status(), 422);
    EXPECT_EQ(e.code(), "validation_error");
    ASSERT_EQ(e.details().size(), 4u);
    EXPECT_EQ(e.details()[0].first, "name");
    EXPECT_EQ(e.details()[3].first, "email");
  }
}

TEST(Input, ReadsMoneyFromNumbersAndStrings) {
  auto body = parse(R"({"a":150.75, "b":"150.75", "c":150, "d":-1, "e":"0.1", "f":1e-7})");
  Input in(body);
  EXPECT_EQ(in.cents("a").value(), 15075);
  EXPECT_EQ(in.cents("b").value(), 15075);
  EXPECT_EQ(in.cents("c").value(), 15000);
  EXPECT_FALSE(in.cents("d"));
  EXPECT_EQ(in.cents("e").value(), 10);
  EXPECT_FALSE(in.cents("f"));
  EXPECT_FALSE(in.ok());
}

TEST(Input, ReadsIntegersAndBounds) {
  auto body = parse(R"({"year":"2019", "km":12000, "neg":-5, "big":99999})");
  Input in(body);
  EXPECT_EQ(in.integer("year").value(), 2019);
  EXPECT_EQ(in.integer("km", {.min = 0}).value(), 12000);
  EXPECT_FALSE(in.integer("neg", {.min = 0}));
  EXPECT_FALSE(in.integer("big", {.max = 1000}));
  EXPECT_FALSE(in.integer("absent"));
}

TEST(Input, TextIsTrimmedAndMeasuredInCharacters) {
  auto body = parse(R"({"name":"  João  ", "long":"ããããã"})");
  Input in(body);
  EXPECT_EQ(in.text("name").value(), "João");
  EXPECT_TRUE(in.text("long", {.max_length = 5}));
  EXPECT_FALSE(in.text("long", {.max_length = 4}));
}

TEST(Input, TheBodyMustBeAnObject) {
  auto body = parse("[1,2]");
  EXPECT_THROW(Input{body}, ApiError);
}

}  // namespace
}  // namespace mg::json
