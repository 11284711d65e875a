#include "libs/br/documents.hpp"

#include <gtest/gtest.h>

namespace mg::br {
namespace {

TEST(Cpf, ValidCheckDigits) {
  for (const char* cpf :
       {"52998224725", "12345678909", "11144477735", "93541134780", "00000000191"}) {
    EXPECT_TRUE(is_valid_cpf(cpf)) << cpf;
  }
}

TEST(Cpf, InvalidCheckDigits) {
  for (const char* cpf :
       {"52998224724", "52998224715", "12345678900", "11144477736", "00000000190"}) {
    EXPECT_FALSE(is_valid_cpf(cpf)) << cpf;
  }
}

TEST(Cpf, AllSameDigitsRejectedEvenThoughTheyPassTheChecksum) {
  for (char d = '0'; d <= '9'; ++d) {
    EXPECT_FALSE(is_valid_cpf(std::string(11, d))) << d;
  }
}

TEST(Cpf, WrongShapeRejected) {
  for (const char* bad :
       {"", "5299822472", "529982247250", "529.982.247-25", "5299822472a", "52998224725 "}) {
    EXPECT_FALSE(is_valid_cpf(bad)) << bad;
  }
}

TEST(Cnpj, NumericValid) {
  for (const char* cnpj : {"11222333000181", "12345678000195", "11444777000161"}) {
    EXPECT_TRUE(is_valid_cnpj(cnpj)) << cnpj;
  }
}

TEST(Cnpj, AlphanumericOfficialExample) {
  // Receita Federal's example of the alphanumeric CNPJ: 12.ABC.345/01DE-35.
  EXPECT_TRUE(is_valid_cnpj("12ABC34501DE35"));
  EXPECT_FALSE(is_valid_cnpj("12ABC34501DE36"));
  EXPECT_FALSE(is_valid_cnpj("12ABC34501DE53"));
  EXPECT_TRUE(is_valid_cnpj("ABCDEFGHIJKL80"));
  EXPECT_TRUE(is_valid_cnpj("00000000000Z49"));
}

TEST(Cnpj, Invalid) {
  for (const char* bad : {"11222333000182", "11222333000191", "12345678000190", "", "1122233300018",
                          "112223330001811", "12abc34501de35",  // canonical form is upper-case
                          "12ABC34501DEA5",                     // check digits are numeric
                          "12ABC34501DE3A", "12ABC-34501DE35", "12ÃBC34501DE3"}) {
    EXPECT_FALSE(is_valid_cnpj(bad)) << bad;
  }
  for (char d = '0'; d <= '9'; ++d) EXPECT_FALSE(is_valid_cnpj(std::string(14, d))) << d;
}

TEST(ParseDocument, CpfWithAndWithoutPunctuation) {
  for (const char* text :
       {"529.982.247-25", "52998224725", "529 982 247 25", "529982247-25", " 529.982.247-25 "}) {
    const auto doc = parse_document(text);
    ASSERT_TRUE(doc.has_value()) << text;
    EXPECT_EQ(doc->kind, DocumentKind::cpf);
    EXPECT_EQ(doc->value, "52998224725");
  }
}

TEST(ParseDocument, Cnpj) {
  for (const char* text : {"11.222.333/0001-81", "11222333000181", "11 222 333 0001 81"}) {
    const auto doc = parse_document(text);
    ASSERT_TRUE(doc.has_value()) << text;
    EXPECT_EQ(doc->kind, DocumentKind::cnpj);
    EXPECT_EQ(doc->value, "11222333000181");
  }
}

TEST(ParseDocument, AlphanumericCnpjIsUpperCased) {
  for (const char* text :
       {"12.ABC.345/01DE-35", "12ABC34501DE35", "12.abc.345/01de-35", "12abc34501De35"}) {
    const auto doc = parse_document(text);
    ASSERT_TRUE(doc.has_value()) << text;
    EXPECT_EQ(doc->kind, DocumentKind::cnpj);
    EXPECT_EQ(doc->value, "12ABC34501DE35");
  }
}

TEST(ParseDocument, Rejects) {
  for (const char* bad :
       {"", "   ", "...", "529.982.247-24", "000.000.000-00", "111.111.111-11",
        "00.000.000/0000-00", "529_982_247_25", "529,982,247-25", "529.982.247-25x", "5299822472",
        "52998224725 0", "12.ABC.345/01DE-36", "1A.222.333/0001-81",
        "529.982.247–25",  // an en dash is not a hyphen
        "ABCDEFGHIJK"}) {
    EXPECT_FALSE(parse_document(bad).has_value()) << bad;
  }
  // Letters are never part of a CPF.
  EXPECT_FALSE(parse_document("5299822472A").has_value());
  // Very long input stops early and fails.
  EXPECT_FALSE(parse_document(std::string(100000, '1')).has_value());
}

TEST(MaskDocument, NeverShowsTheWholeDocument) {
  EXPECT_EQ(mask_document("52998224725"), "***.982.247-**");
  EXPECT_EQ(mask_document("12345678909"), "***.456.789-**");
  EXPECT_EQ(mask_document("11222333000181"), "**.222.333/0001-**");
  EXPECT_EQ(mask_document("12ABC34501DE35"), "**.ABC.345/01DE-**");
  EXPECT_EQ(mask_document(""), "***");
  EXPECT_EQ(mask_document("123"), "***");
  EXPECT_EQ(mask_document("529.982.247-25"), "***");  // not canonical
  EXPECT_EQ(mask_document("1234567890123456"), "***");
}

}  // namespace
}  // namespace mg::br
