#include "libs/br/plates.hpp"

#include <gtest/gtest.h>

namespace mg::br {
namespace {

TEST(NormalizePlate, StoredForm) {
  EXPECT_EQ(normalize_plate("ABC1234"), "ABC1234");
  EXPECT_EQ(normalize_plate("abc-1234"), "ABC-1234");
  EXPECT_EQ(normalize_plate(" abc 1c34 "), "ABC1C34");
  EXPECT_EQ(normalize_plate("ABC1C34"), "ABC1C34");
  EXPECT_EQ(normalize_plate("a"), "A");
  EXPECT_EQ(normalize_plate("1234567890"), "1234567890");
  EXPECT_EQ(normalize_plate("  1234567890  "), "1234567890");  // spaces don't count
  EXPECT_EQ(normalize_plate("-"), "-");
}

TEST(NormalizePlate, Rejects) {
  for (const char* bad : {"", "   ", "12345678901", "ABC_1234", "ABC.1234", "ABC/1234", "ÁBC1234",
                          "ABC\t1234", "ABC1234\n", "ABC%1234"}) {
    EXPECT_EQ(normalize_plate(bad), std::nullopt) << bad;
  }
}

TEST(PlateKey, OldAndMercosulFormsMatch) {
  EXPECT_EQ(plate_key("ABC1234"), "ABC1C34");
  EXPECT_EQ(plate_key("ABC-1234"), "ABC1C34");
  EXPECT_EQ(plate_key("abc 1234"), "ABC1C34");
  EXPECT_EQ(plate_key("ABC1C34"), "ABC1C34");
  EXPECT_EQ(plate_key("abc1c34"), "ABC1C34");
}

TEST(PlateKey, EveryFifthDigitMapsToItsLetter) {
  for (int d = 0; d <= 9; ++d) {
    const std::string old_plate = "XYZ9" + std::to_string(d) + "87";
    std::string mercosul = "XYZ9" + std::string(1, static_cast<char>('A' + d)) + "87";
    EXPECT_EQ(plate_key(old_plate), mercosul) << old_plate;
    EXPECT_EQ(plate_key(mercosul), mercosul);
  }
  EXPECT_EQ(plate_key("MNO0000"), "MNO0A00");
  EXPECT_EQ(plate_key("MNO0900"), "MNO0J00");
}

TEST(PlateKey, OtherFormatsKeepTheirAlnumForm) {
  EXPECT_EQ(plate_key("AB1234"), "AB1234");  // very old two-letter plates
  EXPECT_EQ(plate_key("AB-1234"), "AB1234");
  EXPECT_EQ(plate_key("ABCD123"), "ABCD123");    // 7 chars, neither format
  EXPECT_EQ(plate_key("ABC12345"), "ABC12345");  // 8 chars
  EXPECT_EQ(plate_key("1234ABC"), "1234ABC");
  EXPECT_EQ(plate_key("ABC1C3D"), "ABC1C3D");
  EXPECT_EQ(plate_key("x"), "X");
  EXPECT_EQ(plate_key(""), "");
  EXPECT_EQ(plate_key("-- --"), "");
  EXPECT_EQ(plate_key("ÁBC1234"), "BC1234");  // non-ASCII bytes are not alnum
}

TEST(PlateKey, NormalizedAndRawGiveTheSameKey) {
  for (const char* raw : {"abc-1234", "ABC 1C34", "ab 1234", "xyz9j87"}) {
    const auto stored = normalize_plate(raw);
    ASSERT_TRUE(stored.has_value()) << raw;
    EXPECT_EQ(plate_key(*stored), plate_key(raw)) << raw;
  }
}

}  // namespace
}  // namespace mg::br
