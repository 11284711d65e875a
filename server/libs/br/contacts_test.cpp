#include "libs/br/contacts.hpp"

#include <gtest/gtest.h>

namespace mg::br {
namespace {

TEST(Phone, DigitsInTypedOrder) {
  EXPECT_EQ(phone_digits("(11) 98765-4321"), "11987654321");
  EXPECT_EQ(phone_digits("+55 11 98765-4321"), "5511987654321");
  EXPECT_EQ(phone_digits("3333-4444"), "33334444");
  EXPECT_EQ(phone_digits(""), "");
  EXPECT_EQ(phone_digits("abc"), "");
  EXPECT_EQ(phone_digits("9 8 7"), "987");
}

TEST(Phone, Valid) {
  EXPECT_TRUE(is_valid_phone("33334444"));       // 8: local landline
  EXPECT_TRUE(is_valid_phone("987654321"));      // 9: local mobile
  EXPECT_TRUE(is_valid_phone("1133334444"));     // 10: DDD + landline
  EXPECT_TRUE(is_valid_phone("11987654321"));    // 11: DDD + mobile
  EXPECT_TRUE(is_valid_phone("5511987654321"));  // 13: +55 DDD mobile
  EXPECT_TRUE(is_valid_phone("551133334444"));   // 12
}

TEST(Phone, Invalid) {
  for (const char* bad : {"", "1234567", "12345678901234", "(11) 98765-4321", "1198765432a",
                          " 11987654321", "+5511987654321"}) {
    EXPECT_FALSE(is_valid_phone(bad)) << bad;
  }
}

TEST(Email, Valid) {
  for (const char* ok : {"a@b.co", "joao.silva@oficina.com.br", "JOAO@EXAMPLE.COM",
                         "user+tag@sub.domain.org", "o'brien@example.ie", "x_y-z@a-b.io"}) {
    EXPECT_TRUE(is_valid_email(ok)) << ok;
  }
}

TEST(Email, Invalid) {
  for (const char* bad :
       {"", "a", "@b.co", "a@", "a@b", "a@@b.co", "a@b@c.co", "a b@c.co", "a@b .co", " a@b.co",
        "a@b.co ", "a@.b.co", "a@b.co.", "a@b..co", "a\t@b.co", "a@b.co\n", "joao@localhost"}) {
    EXPECT_FALSE(is_valid_email(bad)) << bad;
  }
  EXPECT_FALSE(is_valid_email(std::string("a\0b@c.co", 8)));
}

TEST(Email, LengthLimit) {
  const std::string domain = "@example.com";  // 12 chars
  EXPECT_TRUE(is_valid_email(std::string(254 - domain.size(), 'a') + domain));
  EXPECT_FALSE(is_valid_email(std::string(255 - domain.size(), 'a') + domain));
}

TEST(Email, Normalize) {
  EXPECT_EQ(normalize_email("  Joao.Silva@Oficina.COM.br \t\n"), "joao.silva@oficina.com.br");
  EXPECT_EQ(normalize_email("a@b.co"), "a@b.co");
  EXPECT_EQ(normalize_email(""), "");
  EXPECT_EQ(normalize_email("   "), "");
  EXPECT_EQ(normalize_email("JOÃO@X.COM"), "joÃo@x.com");  // ASCII only; bytes kept
  EXPECT_TRUE(is_valid_email(normalize_email("  USER@EXAMPLE.COM  ")));
}

}  // namespace
}  // namespace mg::br
