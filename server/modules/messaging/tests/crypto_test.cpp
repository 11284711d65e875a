// The secrets of messaging: sealed credentials open only with their key and unchanged,
// webhook signatures match WhatsApp's and are refused when anything differs.
#include <gtest/gtest.h>

#include "modules/messaging/domain/crypto.hpp"

namespace mg::messaging::crypto {
namespace {

const std::string kKeyHex(64, 'a');

TEST(Secretbox, RoundTripsAndRefusesAnotherKeyOrAChangedBox) {
  const auto key = *key_from_hex(kKeyHex);
  const auto other = *key_from_hex(std::string(64, 'b'));
  const std::string secret = R"({"access_token":"EAAG-secreto"})";
  const auto box = seal(key, secret);
  EXPECT_EQ(box.find("EAAG"), std::string::npos);  // not the plaintext
  EXPECT_EQ(open(key, box), secret);
  EXPECT_NE(seal(key, secret), box);  // a fresh nonce each time
  EXPECT_EQ(open(other, box), std::nullopt);
  auto changed = box;
  changed.back() = static_cast<char>(changed.back() ^ 1);
  EXPECT_EQ(open(key, changed), std::nullopt);
  EXPECT_EQ(open(key, box.substr(0, 10)), std::nullopt);
}

TEST(Secretbox, KeyIs64HexDigits) {
  EXPECT_TRUE(key_from_hex(kKeyHex));
  EXPECT_FALSE(key_from_hex(std::string(62, 'a')));
  EXPECT_FALSE(key_from_hex(std::string(64, 'g')));
  EXPECT_EQ(key_from_hex(kKeyHex)->size(), 32u);
}

TEST(HubSignature, MatchesHmacSha256OfTheRawBody) {
  // RFC 4231 test case 2: HMAC-SHA256("Jefe", "what do ya want for nothing?").
  EXPECT_EQ(hmac_sha256_hex("Jefe", "what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  const std::string body = R"({"object":"whatsapp_business_account"})";
  const auto header = "sha256=" + hmac_sha256_hex("app-secret", body);
  EXPECT_TRUE(valid_hub_signature("app-secret", body, header));
  auto upper = header;
  for (std::size_t i = 7; i < upper.size(); ++i)
    upper[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(upper[i])));
  EXPECT_TRUE(valid_hub_signature("app-secret", body, upper));
  EXPECT_FALSE(valid_hub_signature("other-secret", body, header));
  EXPECT_FALSE(valid_hub_signature("app-secret", body + " ", header));
  EXPECT_FALSE(valid_hub_signature("app-secret", body, header.substr(7)));  // no "sha256="
  EXPECT_FALSE(valid_hub_signature("app-secret", body, ""));
  EXPECT_FALSE(valid_hub_signature("", body, "sha256=" + hmac_sha256_hex("", body)));
}

TEST(RandomToken, UsesTelegramsAlphabet) {
  const auto t = random_token(24);
  EXPECT_EQ(t.size(), 32u);
  for (char c : t) EXPECT_TRUE(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_');
  EXPECT_NE(random_token(24), t);
}

}  // namespace
}  // namespace mg::messaging::crypto
