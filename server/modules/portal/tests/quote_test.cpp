// The pure parts of a quote: its link's token, the snapshot and its hash, the decision.
#include "modules/portal/domain/quote.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include <set>

namespace mg::portal {
namespace {

Snapshot two_items() {
  Snapshot s;
  s.order_id = 7;
  s.order_number = 12;
  s.version = 2;
  s.motorcycle_brand = "Honda";
  s.motorcycle_model = "CG 160";
  s.motorcycle_plate = "ABC1D23";
  s.items = {{31, "part", "Filtro de óleo", 200, 3550, 7100},
             {32, "labor", "Troca \"rápida\"", 150, 8000, 12000}};
  s.total_parts = 7100;
  s.total_labor = 12000;
  s.discount = 100;
  s.total_amount = 19000;
  s.sent_at = "2026-12-01T14:03:00Z";
  s.expires_at = "2026-12-11T14:03:00Z";
  return s;
}

TEST(QuoteToken, HasAtLeast128RandomBitsInAUrlSafeForm) {
  ASSERT_GE(sodium_init(), 0);
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    auto t = new_token();
    EXPECT_EQ(t.size(), 43u) << "32 bytes, base64url without padding";
    EXPECT_TRUE(looks_like_token(t)) << t;
    EXPECT_EQ(
        t.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
        std::string::npos);
    seen.insert(t);
  }
  EXPECT_EQ(seen.size(), 200u);
}

TEST(QuoteToken, MalformedLinksAreNotTokens) {
  EXPECT_FALSE(looks_like_token(""));
  EXPECT_FALSE(looks_like_token(std::string(42, 'a')));
  EXPECT_FALSE(looks_like_token(std::string(44, 'a')));
  EXPECT_FALSE(looks_like_token(std::string(42, 'a') + "="));
  EXPECT_FALSE(looks_like_token(std::string(42, 'a') + "/"));
  EXPECT_TRUE(looks_like_token(std::string(43, 'a')));
}

TEST(QuoteToken, IsStoredAsItsSha256) {
  // FIPS 180-2's example: SHA-256("abc").
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  const auto t = new_token();
  EXPECT_EQ(token_hash(t), sha256_hex(t));
  EXPECT_EQ(token_hash(t).size(), 64u);
  EXPECT_NE(token_hash(t), token_hash(new_token()));
}

TEST(QuoteSnapshot, IsItsCanonicalText) {
  EXPECT_EQ(snapshot_text(two_items()),
            "{\"order_id\":7,\"order_number\":12,\"version\":2,"
            "\"motorcycle\":{\"brand\":\"Honda\",\"model\":\"CG 160\",\"plate\":\"ABC1D23\"},"
            "\"items\":[{\"id\":31,\"item_type\":\"part\",\"description\":\"Filtro de óleo\","
            "\"quantity\":2,\"unit_price\":35.5,\"total\":71},"
            "{\"id\":32,\"item_type\":\"labor\",\"description\":\"Troca \\\"rápida\\\"\","
            "\"quantity\":1.5,\"unit_price\":80,\"total\":120}],"
            "\"totals\":{\"total_parts\":71,\"total_labor\":120,\"discount\":1,"
            "\"total_amount\":190},"
            "\"sent_at\":\"2026-12-01T14:03:00Z\",\"expires_at\":\"2026-12-11T14:03:00Z\"}");
}

TEST(QuoteSnapshot, ItsHashChangesWithAnyPriceAndNothingElse) {
  const auto base = sha256_hex(snapshot_text(two_items()));
  EXPECT_EQ(base, sha256_hex(snapshot_text(two_items()))) << "the same quote, the same hash";
  auto cheaper = two_items();
  cheaper.items[1].unit_price = 7999;
  EXPECT_NE(base, sha256_hex(snapshot_text(cheaper)));
  auto fewer = two_items();
  fewer.items.pop_back();
  EXPECT_NE(base, sha256_hex(snapshot_text(fewer)));
  auto later = two_items();
  later.version = 3;
  EXPECT_NE(base, sha256_hex(snapshot_text(later)));
  auto no_plate = two_items();
  no_plate.motorcycle_plate.reset();
  EXPECT_NE(snapshot_text(no_plate).find("\"plate\":null"), std::string::npos);
}

TEST(QuoteDecision, StateFollowsWhatWasApproved) {
  EXPECT_EQ(decision_state(3, 3), DecisionState::approved);
  EXPECT_EQ(decision_state(2, 3), DecisionState::partially_approved);
  EXPECT_EQ(decision_state(0, 3), DecisionState::declined);
  EXPECT_EQ(to_string(DecisionState::partially_approved), "PARTIALLY_APPROVED");
}

TEST(QuoteDecision, DeclinedAreTheItemsNotApproved) {
  const std::vector<std::int64_t> items{31, 32, 33};
  EXPECT_EQ(declined_ids(items, {31, 33}), (std::vector<std::int64_t>{32}));
  EXPECT_EQ(declined_ids(items, {}), items);
  EXPECT_EQ(declined_ids(items, {31, 32, 33}), std::vector<std::int64_t>{});
  EXPECT_EQ(declined_ids(items, {31, 99}), std::nullopt) << "an id of no item of this quote";
}

TEST(QuoteWhatsApp, LinksTheCustomersPhoneWithTheCountryCode) {
  EXPECT_EQ(
      whatsapp_url("(11) 98765-4321", "Olá! Link: https://x/portal/a?b"),
      "https://wa.me/5511987654321?text=Ol%C3%A1%21%20Link%3A%20https%3A%2F%2Fx%2Fportal%2Fa%3Fb");
  EXPECT_EQ(whatsapp_url("+55 11 3333-4444", "x"), "https://wa.me/551133334444?text=x");
  EXPECT_EQ(whatsapp_url("1234", "x"), std::nullopt);
  EXPECT_EQ(whatsapp_url(std::nullopt, "x"), std::nullopt);
}

}  // namespace
}  // namespace mg::portal
