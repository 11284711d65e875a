#include "libs/json/json.hpp"

#include <gtest/gtest.h>

#include <boost/describe/class.hpp>

#include "libs/json/input.hpp"

namespace mg::json {
namespace {

struct Row {
  Id<struct RowTag> id;
  std::string name;
  std::optional<std::string> note;
  money::Money total;
};
BOOST_DESCRIBE_STRUCT(Row, (), (id, name, note, total))

// An object body, as the api layer hands it to Input.
object body(std::string_view text) {
  return parse(text)->as_object();
}

TEST(Json, DumpsMoneyAsPlainDecimals) {
  EXPECT_EQ(dump(money(15075)), "150.75");
  EXPECT_EQ(dump(money(10)), "0.1");
  EXPECT_EQ(dump(money(100)), "1");
  EXPECT_EQ(dump(money(99999999999)), "999999999.99");
  EXPECT_EQ(dump(object{{"a", "x\"y\n"}, {"b", nullptr}, {"c", array{1, true}}}),
            "{\"a\":\"x\\\"y\\n\",\"b\":null,\"c\":[1,true]}");
}

TEST(Json, DescribedStructsBecomeObjects) {
  EXPECT_EQ(dump(to_object(Row{Id<RowTag>{7}, "Ana", std::nullopt, {15075}})),
            "{\"id\":7,\"name\":\"Ana\",\"note\":null,\"total\":150.75}");
  EXPECT_EQ(dump(to_object(Row{Id<RowTag>{1}, "B", "x", {200}})),
            "{\"id\":1,\"name\":\"B\",\"note\":\"x\",\"total\":2}");
}

TEST(Json, ParseSaysWhenItIsNotJson) {
  EXPECT_FALSE(parse("{nope"));
  EXPECT_TRUE(parse("{\"a\":1}")->is_object());
}

TEST(Input, CollectsEveryProblem) {
  auto b = body(R"({"name":"  ", "year":"abc", "price":"1.234"})");
  Input in(b);
  EXPECT_FALSE(in.text("name", {.required = true}));
  EXPECT_FALSE(in.integer("year"));
  EXPECT_FALSE(in.cents("price"));
  EXPECT_FALSE(in.text("email", {.required = true}));
  auto f = in.failure();
  ASSERT_TRUE(f);
  EXPECT_EQ(f->kind, FailureKind::invalid);
  EXPECT_EQ(f->code, "validation_error");
  ASSERT_EQ(f->details.size(), 4u);
  EXPECT_EQ(f->details[0].first, "name");
  EXPECT_EQ(f->details[3].first, "email");
  EXPECT_THROW(in.check(), FailureError);
}

TEST(Input, ReadsMoneyFromNumbersAndStrings) {
  auto b = body(R"({"a":150.75, "b":"150.75", "c":150, "d":-1, "e":"0.1", "f":1e-7})");
  Input in(b);
  EXPECT_EQ(in.cents("a").value(), 15075);
  EXPECT_EQ(in.cents("b").value(), 15075);
  EXPECT_EQ(in.cents("c").value(), 15000);
  EXPECT_FALSE(in.cents("d"));
  EXPECT_EQ(in.cents("e").value(), 10);
  EXPECT_FALSE(in.cents("f"));
  EXPECT_FALSE(in.ok());
}

TEST(Input, ReadsIntegersAndBounds) {
  auto b = body(R"({"year":"2019", "km":12000, "neg":-5, "big":99999})");
  Input in(b);
  EXPECT_EQ(in.integer("year").value(), 2019);
  EXPECT_EQ(in.integer("km", {.min = 0}).value(), 12000);
  EXPECT_FALSE(in.integer("neg", {.min = 0}));
  EXPECT_FALSE(in.integer("big", {.max = 1000}));
  EXPECT_FALSE(in.integer("absent"));
}

TEST(Input, TextIsTrimmedAndMeasuredInCharacters) {
  auto b = body(R"({"name":"  João  ", "long":"ããããã"})");
  Input in(b);
  EXPECT_EQ(in.text("name").value(), "João");
  EXPECT_TRUE(in.text("long", {.max_length = 5}));
  EXPECT_FALSE(in.text("long", {.max_length = 4}));
}

}  // namespace
}  // namespace mg::json
