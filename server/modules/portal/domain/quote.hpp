#pragma once
// The pure parts of a quote: its link's token, the snapshot frozen when it is
// sent (and the SHA-256 that the decision's evidence names), the decision's
// state, and the WhatsApp link that carries it.
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "libs/core/digest.hpp"  // sha256_hex: the snapshot's hash
#include "libs/money/money.hpp"

namespace mg::portal {

// --- the link's token: 32 random bytes (256 bits), base64url without padding (43 characters)
std::string new_token();
// Whether `text` has a token's shape (so a malformed link costs no database round trip).
bool looks_like_token(std::string_view text);
// What is stored: the hex SHA-256 of the token.
std::string token_hash(std::string_view token);

// --- the snapshot: the quote as the customer sees it, frozen when sent
struct SnapshotItem {
  std::int64_t id = 0;
  std::string item_type;  // part | labor
  std::string description;
  std::int64_t quantity_centi = 0;
  money::Cents unit_price = 0, total = 0;
};
struct Snapshot {
  std::int64_t order_id = 0, order_number = 0, version = 0;
  std::optional<std::string> motorcycle_brand, motorcycle_model, motorcycle_plate;
  std::vector<SnapshotItem> items;
  money::Cents total_parts = 0, total_labor = 0, discount = 0, total_amount = 0;
  std::string sent_at, expires_at;  // ISO 8601 UTC
};
// The canonical text (JSON, members in a fixed order, money as 150.75): what
// is stored and hashed, byte for byte.
std::string snapshot_text(const Snapshot& s);

// --- the decision
enum class DecisionState { approved, partially_approved, declined };
std::string_view to_string(DecisionState s);  // APPROVED, PARTIALLY_APPROVED, DECLINED
// Every item approved, some, or none.
DecisionState decision_state(std::size_t approved, std::size_t total);
// The items of the snapshot not approved, in the snapshot's order; nullopt when an approved id
// is not one of the snapshot's.
std::optional<std::vector<std::int64_t>> declined_ids(const std::vector<std::int64_t>& snapshot,
                                                      const std::set<std::int64_t>& approved);

// --- sending
// https://wa.me/55<digits>?text=<message and link>; nullopt without a usable phone
// (10 or 11 Brazilian digits, or already 12–13 starting with 55).
std::optional<std::string> whatsapp_url(std::optional<std::string_view> phone,
                                        std::string_view text);

}  // namespace mg::portal
