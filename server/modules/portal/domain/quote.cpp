#include "modules/portal/domain/quote.hpp"

#include <sodium.h>

#include <algorithm>
#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include "libs/json/writer.hpp"

namespace mg::portal {
namespace {

constexpr std::size_t kTokenBytes = 32;
constexpr std::size_t kTokenLength = 43;  // base64 of 32 bytes, no padding

void write_item(std::string& out, const SnapshotItem& i) {
  out += '{';
  json::write_member(out, "id", i.id);
  json::write_member(out, "item_type", i.item_type);
  json::write_member(out, "description", i.description);
  json::write_member(out, "quantity", money::Money{i.quantity_centi});
  json::write_member(out, "unit_price", money::Money{i.unit_price});
  json::write_member(out, "total", money::Money{i.total});
  out += '}';
}

}  // namespace

std::string new_token() {
  unsigned char bytes[kTokenBytes];
  randombytes_buf(bytes, sizeof bytes);
  char text[sodium_base64_ENCODED_LEN(kTokenBytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(text, sizeof text, bytes, sizeof bytes,
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return text;
}

bool looks_like_token(std::string_view text) {
  if (text.size() != kTokenLength) return false;
  for (char c : text)
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
          c == '_'))
      return false;
  return true;
}

std::string token_hash(std::string_view token) {
  return sha256_hex(token);
}

std::string snapshot_text(const Snapshot& s) {
  std::string out = "{";
  json::write_member(out, "order_id", s.order_id);
  json::write_member(out, "order_number", s.order_number);
  json::write_member(out, "version", s.version);
  json::write_key(out, "motorcycle");
  out += '{';
  json::write_member(out, "brand", s.motorcycle_brand);
  json::write_member(out, "model", s.motorcycle_model);
  json::write_member(out, "plate", s.motorcycle_plate);
  out += '}';
  json::write_key(out, "items");
  out += '[';
  for (std::size_t i = 0; i < s.items.size(); ++i) {
    if (i) out += ',';
    write_item(out, s.items[i]);
  }
  out += ']';
  json::write_key(out, "totals");
  out += '{';
  json::write_member(out, "total_parts", money::Money{s.total_parts});
  json::write_member(out, "total_labor", money::Money{s.total_labor});
  json::write_member(out, "discount", money::Money{s.discount});
  json::write_member(out, "total_amount", money::Money{s.total_amount});
  out += '}';
  json::write_member(out, "sent_at", s.sent_at);
  json::write_member(out, "expires_at", s.expires_at);
  out += '}';
  return out;
}

std::string_view to_string(DecisionState s) {
  switch (s) {
    case DecisionState::approved:
      return "APPROVED";
    case DecisionState::partially_approved:
      return "PARTIALLY_APPROVED";
    case DecisionState::declined:
      return "DECLINED";
  }
  return "DECLINED";
}

DecisionState decision_state(std::size_t approved, std::size_t total) {
  if (approved == 0) return DecisionState::declined;
  return approved >= total ? DecisionState::approved : DecisionState::partially_approved;
}

std::optional<std::vector<std::int64_t>> declined_ids(const std::vector<std::int64_t>& snapshot,
                                                      const std::set<std::int64_t>& approved) {
  for (auto id : approved)
    if (std::find(snapshot.begin(), snapshot.end(), id) == snapshot.end()) return std::nullopt;
  std::vector<std::int64_t> out;
  for (auto id : snapshot)
    if (!approved.contains(id)) out.push_back(id);
  return out;
}

std::optional<std::string> whatsapp_url(std::optional<std::string_view> phone,
                                        std::string_view text) {
  if (!phone) return std::nullopt;
  std::string digits;
  for (char c : *phone)
    if (c >= '0' && c <= '9') digits += c;
  if (digits.size() == 10 || digits.size() == 11) {
    digits = "55" + digits;
  } else if (!((digits.size() == 12 || digits.size() == 13) && digits.starts_with("55"))) {
    return std::nullopt;
  }
  return "https://wa.me/" + digits +
         "?text=" + boost::urls::encode(text, boost::urls::unreserved_chars);
}

}  // namespace mg::portal
