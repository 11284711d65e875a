#include "libs/core/text.hpp"

#include <gtest/gtest.h>

namespace mg::text {
namespace {

TEST(Utf8Prefix, KeepsWhatFits) {
  EXPECT_EQ(utf8_prefix("Moto pronta", 200), "Moto pronta");
  EXPECT_EQ(utf8_prefix("Moto pronta", 4), "Moto");
  EXPECT_EQ(utf8_prefix("", 3), "");
}

TEST(Utf8Prefix, NeverCutsACharacterInTwo) {
  // "já": j (1 byte), á (2 bytes); "🏍" is 4 bytes.
  EXPECT_EQ(utf8_prefix("já", 2), "j");
  EXPECT_EQ(utf8_prefix("já", 3), "já");
  EXPECT_EQ(utf8_prefix("a\xF0\x9F\x8F\x8D", 4), "a");
  EXPECT_EQ(utf8_prefix("a\xF0\x9F\x8F\x8D", 5), "a\xF0\x9F\x8F\x8D");
  const std::string long_text = std::string(199, 'x') + "ção";
  const auto cut = utf8_prefix(long_text, 200);
  EXPECT_EQ(cut, std::string(199, 'x'));
  EXPECT_TRUE(valid_utf8(cut));
}

}  // namespace
}  // namespace mg::text
