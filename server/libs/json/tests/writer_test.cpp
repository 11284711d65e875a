#include "libs/json/writer.hpp"

#include <gtest/gtest.h>

#include <boost/describe/class.hpp>

namespace mg::json {
namespace {

struct Line {
  Id<struct LineTag> id;
  std::optional<money::Money> price;
};
BOOST_DESCRIBE_STRUCT(Line, (), (id, price))

struct Doc {
  Id<struct DocTag> id;
  std::string name;
  std::optional<std::string> note;
  money::Money total;
  bool open = false;
  std::optional<Id<struct StaffTag>> staff;
  std::vector<Line> lines;
};
BOOST_DESCRIBE_STRUCT(Doc, (), (id, name, note, total, open, staff, lines))

std::string written(const Doc& d) {
  std::string out;
  write_value(out, d);
  return out;
}

TEST(Writer, WritesWhatDumpOfTheSameValueWrites) {
  const Doc docs[] = {
      {Id<DocTag>{7}, "Ana \"Nana\"\nSilva\t\x01\\", std::nullopt, {15075}, true, std::nullopt, {}},
      {Id<DocTag>{1},
       "Oficina São João — ç",
       "x",
       {200},
       false,
       Id<StaffTag>{3},
       {{Id<LineTag>{1}, money::Money{10}}, {Id<LineTag>{2}, std::nullopt}}},
      {Id<DocTag>{2}, "", "", {-99999999999}, false, std::nullopt, {}}};
  for (const auto& d : docs) EXPECT_EQ(written(d), dump(boost::json::value_from(d)));
}

TEST(Writer, MembersGoIntoAnOpenObjectWithTheirCommas) {
  Doc d{Id<DocTag>{5}, "B", std::nullopt, {100}, false, std::nullopt, {}};
  std::string out = "{";
  write_members(out, d, [](std::string_view name) { return name == "note" || name == "lines"; });
  write_member(out, "alias", d.name);
  out += '}';
  EXPECT_EQ(out, R"({"id":5,"name":"B","total":1,"open":false,"staff":null,"alias":"B"})");
  std::string empty = "{";
  write_member(empty, "a", std::optional<std::string>{});
  EXPECT_EQ(empty, R"({"a":null)");
}

TEST(Writer, EscapesWhatJsonRequiresAndKeepsTheRest) {
  std::string out;
  write_string(out, std::string("a\"b\\c\nd\re\tf\x1fg\x7f\xc3\xa7", 16));
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\nd\\re\\tf\\u001fg\x7f\xc3\xa7\"");
}

}  // namespace
}  // namespace mg::json
