// PIX BR Codes against the Banco Central's manual and its CRC16.
#include "modules/finance/domain/pix.hpp"

#include <gtest/gtest.h>

#include <cstdio>

#include "modules/finance/domain/qr_svg.hpp"

namespace mg::finance::pix {
namespace {

// The static example of the BCB's "Manual de Padrões para Iniciação do Pix"
// (random key, no amount, no txid), as the manual prints it.
constexpr std::string_view kManualExample =
    "00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-426655440000"
    "5204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***63041D3D";

std::string crc_of(std::string_view payload) {
  char hex[5];
  std::snprintf(hex, sizeof hex, "%04X", crc16(payload));
  return hex;
}

TEST(Crc16, IsCcittFalse) {
  // The check value of CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF) over "123456789".
  EXPECT_EQ(crc16("123456789"), 0x29B1);
  EXPECT_EQ(crc16(""), 0xFFFF);
}

TEST(Crc16, MatchesTheManualAndPublishedCodes) {
  auto check = [](std::string_view code) {
    const auto at = code.rfind("6304");
    ASSERT_EQ(at, code.size() - 8) << code;
    EXPECT_EQ(crc_of(code.substr(0, at + 4)), code.substr(at + 4)) << code;
  };
  check(kManualExample);
  // Dynamic codes with an amount and a txid (rprata/pixcode's README, from the BCB manual).
  check(
      "00020101021226720014br.gov.bcb.pix2550bx.com.br/pix/8b3da2f3-9a41-40d1-a91a-bd93113bd441"
      "5204000053039865406123.455802BR5913Fulano de Tal6008BRASILIA62190515RP12345678-2019"
      "630445C8");
  check(
      "00020101021226720014br.gov.bcb.pix2550bx.com.br/pix/8b3da2f3-9a41-40d1-a91a-bd93113bd441"
      "520400005303986540599.995802BR5914Ciclano de Tal6014RIO DE JANEIRO62190515RP12345678-2019"
      "63047A12");
}

TEST(BrCode, RebuildsTheManualsExampleByteForByte) {
  StaticCode code;
  code.key = "123e4567-e12b-12d1-a456-426655440000";
  code.merchant_name = "Fulano de Tal";
  code.merchant_city = "BRASILIA";
  EXPECT_EQ(brcode(code), kManualExample);
}

TEST(BrCode, CarriesTheAmountAndTheTxid) {
  StaticCode code;
  code.key = "11222333000181";
  code.amount = 15075;
  code.merchant_name = "Oficina do Zé";
  code.merchant_city = "São Paulo";
  code.txid = txid_for_receivable(42);
  const auto s = brcode(code);
  EXPECT_EQ(s,
            "00020126360014br.gov.bcb.pix011411222333000181520400005303986"
            "5406150.755802BR5913Oficina do Ze6009Sao Paulo62090505MGR42"
            "6304" +
                crc_of(s.substr(0, s.size() - 4)));
  EXPECT_EQ(s.substr(s.size() - 8, 4), "6304");
}

TEST(BrCode, CutsNameAndCityToTheirLimits) {
  StaticCode code;
  code.key = "+5511987654321";
  code.merchant_name = "Oficina de Motos Irmãos Gonçalves Ltda";
  code.merchant_city = "São José dos Campos";
  const auto s = brcode(code);
  EXPECT_NE(s.find("5925Oficina de Motos Irmaos G"), std::string::npos) << s;
  EXPECT_NE(s.find("6015Sao Jose dos Ca62"), std::string::npos) << s;
}

TEST(BrCode, AmountIsWrittenWithTwoDecimals) {
  EXPECT_EQ(amount_text(100), "1.00");
  EXPECT_EQ(amount_text(5), "0.05");
  EXPECT_EQ(amount_text(123456789), "1234567.89");
}

TEST(BrCode, TxidIsAtMost25Alphanumerics) {
  const auto t = txid_for_receivable(9'223'372'036'854'775'807);
  EXPECT_LE(t.size(), 25u);
  for (char c : t) EXPECT_TRUE(std::isalnum(static_cast<unsigned char>(c))) << t;
}

TEST(Ascii, DropsAccentsToTheirLetters) {
  EXPECT_EQ(ascii("São João Ção Ü ñ"), "Sao Joao Cao U n");
  EXPECT_EQ(ascii("Oficina 2 Rodas™"), "Oficina 2 Rodas");
  EXPECT_EQ(ascii("àáâãäçèéêëìíîïòóôõöùúûüý"), "aaaaaceeeeiiiiooooouuuuy");
}

TEST(Keys, AreReadAsTheDictStoresThem) {
  auto k = parse_key("123.456.789-09");
  ASSERT_TRUE(k);
  EXPECT_EQ(k->type, KeyType::cpf);
  EXPECT_EQ(k->value, "12345678909");
  k = parse_key("11.222.333/0001-81");
  ASSERT_TRUE(k);
  EXPECT_EQ(k->type, KeyType::cnpj);
  EXPECT_EQ(k->value, "11222333000181");
  k = parse_key(" Oficina@Email.com.BR ");
  ASSERT_TRUE(k);
  EXPECT_EQ(k->type, KeyType::email);
  EXPECT_EQ(k->value, "oficina@email.com.br");
  k = parse_key("+55 (11) 98765-4321");
  ASSERT_TRUE(k);
  EXPECT_EQ(k->type, KeyType::phone);
  EXPECT_EQ(k->value, "+5511987654321");
  k = parse_key("(11) 98765-4321", KeyType::phone);
  ASSERT_TRUE(k);
  EXPECT_EQ(k->value, "+5511987654321");
  k = parse_key("123E4567-E12B-12D1-A456-426655440000");
  ASSERT_TRUE(k);
  EXPECT_EQ(k->type, KeyType::evp);
  EXPECT_EQ(k->value, "123e4567-e12b-12d1-a456-426655440000");
}

TEST(Keys, RefuseWhatIsNoKey) {
  EXPECT_FALSE(parse_key(""));
  EXPECT_FALSE(parse_key("123.456.789-00"));  // check digits
  EXPECT_FALSE(parse_key("11987654321"));     // 11 digits, no valid CPF: say PHONE
  EXPECT_FALSE(parse_key("+1 555 123 4567"));
  EXPECT_FALSE(parse_key("oficina@"));
  EXPECT_FALSE(parse_key("12345678909", KeyType::cnpj));
  EXPECT_FALSE(parse_key("chave qualquer"));
  EXPECT_EQ(parse_key_type("EVP"), KeyType::evp);
  EXPECT_FALSE(parse_key_type("evp"));
}

TEST(QrSvg, DrawsTheSymbolOfTheText) {
  const auto svg = qr_svg(std::string(kManualExample));
  EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0u);
  EXPECT_NE(svg.find("<path fill=\"#000000\" d=\"M4 4h7v1h-7z"), std::string::npos)
      << "the finder pattern's top row starts at the quiet zone";
  EXPECT_EQ(svg.substr(svg.size() - 6), "</svg>");
}

}  // namespace
}  // namespace mg::finance::pix
