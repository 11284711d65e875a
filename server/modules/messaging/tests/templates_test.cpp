// Templates render their placeholders, keep unknown braces, and list the values in order
// for WhatsApp's template fallback; opt-out words and phone numbers.
#include <gtest/gtest.h>

#include "modules/messaging/domain/templates.hpp"

namespace mg::messaging {
namespace {

TEST(Templates, RenderReplacesPlaceholdersInOrder) {
  auto r = render("Olá, {cliente}! OS {os}: {total}. {cliente}",
                  {{"cliente", "Ana"}, {"os", "12"}, {"total", "R$ 10,00"}});
  EXPECT_EQ(r.text, "Olá, Ana! OS 12: R$ 10,00. Ana");
  EXPECT_EQ(r.params, (std::vector<std::string>{"Ana", "12", "R$ 10,00", "Ana"}));
}

TEST(Templates, UnknownBracesStayAndMissingValuesAreEmpty) {
  auto r = render("{x} {link} {", {});
  EXPECT_EQ(r.text, "{x}  {");
  EXPECT_EQ(r.params, (std::vector<std::string>{"-"}));
  EXPECT_EQ(unknown_placeholders("{cliente} {nome} {os}"), (std::vector<std::string>{"nome"}));
}

TEST(Templates, AReminderHasNoLinkAndNoPayment) {
  EXPECT_FALSE(fits_event("REMINDER_DUE", "link"));
  EXPECT_FALSE(fits_event("REMINDER_DUE", "valor"));
  EXPECT_TRUE(fits_event("REMINDER_DUE", "os"));
  EXPECT_TRUE(fits_event("QUOTE_SENT", "link"));
  EXPECT_EQ(unfit_placeholders("REMINDER_DUE", "{cliente} {link} {x} {valor}"),
            (std::vector<std::string>{"link", "valor"}));
  EXPECT_TRUE(unfit_placeholders("ORDER_OPENED", "{link} {valor}").empty());
  for (auto e : kEvents) EXPECT_TRUE(unfit_placeholders(e, default_template(e)).empty()) << e;
}

TEST(Templates, EveryEventHasAPtBrDefaultWithKnownPlaceholders) {
  for (auto e : kEvents) {
    EXPECT_FALSE(default_template(e).empty()) << e;
    EXPECT_TRUE(unknown_placeholders(default_template(e)).empty()) << e;
  }
  EXPECT_NE(default_template("QUOTE_SENT").find("{link}"), std::string_view::npos);
  EXPECT_EQ(default_whatsapp_template("ORDER_OPENED"), "motogestor_order_opened");
  EXPECT_FALSE(is_event("ORDER_LOST"));
}

TEST(Templates, MoneyReadsAsReais) {
  EXPECT_EQ(format_brl(0), "R$ 0,00");
  EXPECT_EQ(format_brl(5), "R$ 0,05");
  EXPECT_EQ(format_brl(123456), "R$ 1.234,56");
  EXPECT_EQ(format_brl(100000000), "R$ 1.000.000,00");
}

TEST(Templates, OptOutWords) {
  EXPECT_TRUE(is_opt_out("SAIR"));
  EXPECT_TRUE(is_opt_out(" sair! "));
  EXPECT_TRUE(is_opt_out("Parar"));
  EXPECT_FALSE(is_opt_out("quero sair mais tarde"));
  EXPECT_FALSE(is_opt_out("ok"));
}

TEST(Templates, WhatsAppNumbersCarryTheCountryCode) {
  EXPECT_EQ(whatsapp_number("11999998888"), "5511999998888");
  EXPECT_EQ(whatsapp_number("1133334444"), "551133334444");
  EXPECT_EQ(whatsapp_number("5511999998888"), "5511999998888");
  EXPECT_EQ(whatsapp_number("999"), std::nullopt);
  EXPECT_EQ(whatsapp_number("11 9999-8888"), std::nullopt);
}

}  // namespace
}  // namespace mg::messaging
