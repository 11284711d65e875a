#include "modules/identity/domain/themes.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <set>

namespace mg::identity {
namespace {

using auth::Plan;
constexpr Plan kPlans[] = {Plan::basic, Plan::premium, Plan::enterprise};

bool is_hex_color(const std::string& s) {
  if (s.size() != 7 || s[0] != '#') return false;
  for (std::size_t i = 1; i < s.size(); ++i) {
    if (!std::isxdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

bool is_theme_id(const std::string& s) {
  if (s.empty() || s[0] < 'a' || s[0] > 'z') return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) return false;
  }
  return true;
}

TEST(Themes, CountsPerPlan) {
  EXPECT_EQ(themes_for(Plan::basic).size(), 2u);
  EXPECT_EQ(themes_for(Plan::premium).size(), 5u);
  EXPECT_GT(themes_for(Plan::enterprise).size(), 5u);
  EXPECT_EQ(themes_for(Plan::basic)[0].id, "classico");
  EXPECT_EQ(themes_for(Plan::basic)[0].name, "Clássico");
  EXPECT_EQ(themes_for(Plan::basic)[1].id, "noturno");
}

TEST(Themes, HigherPlansIncludeLowerPlansThemesInOrder) {
  const auto basic = themes_for(Plan::basic);
  const auto premium = themes_for(Plan::premium);
  const auto enterprise = themes_for(Plan::enterprise);
  for (std::size_t i = 0; i < basic.size(); ++i) EXPECT_EQ(premium[i].id, basic[i].id);
  for (std::size_t i = 0; i < premium.size(); ++i) EXPECT_EQ(enterprise[i].id, premium[i].id);
}

TEST(Themes, WellFormed) {
  std::set<std::string> ids;
  for (const Theme& t : themes_for(Plan::enterprise)) {
    SCOPED_TRACE(t.id);
    EXPECT_TRUE(is_theme_id(t.id));
    EXPECT_FALSE(t.name.empty());
    for (const std::string* c : {&t.primary, &t.secondary, &t.accent, &t.background, &t.surface}) {
      EXPECT_TRUE(is_hex_color(*c)) << *c;
    }
    EXPECT_TRUE(ids.insert(t.id).second) << "duplicate id";
  }
}

TEST(Themes, Allowed) {
  for (Plan p : kPlans) {
    for (const Theme& t : themes_for(Plan::enterprise)) {
      bool offered = false;
      for (const Theme& own : themes_for(p)) offered |= own.id == t.id;
      EXPECT_EQ(theme_allowed(p, t.id), offered) << auth::to_string(p) << " " << t.id;
    }
    EXPECT_FALSE(theme_allowed(p, ""));
    EXPECT_FALSE(theme_allowed(p, "inexistente"));
    EXPECT_FALSE(theme_allowed(p, "CLASSICO"));  // ids are exact
  }
  EXPECT_TRUE(theme_allowed(Plan::basic, "classico"));
  EXPECT_TRUE(theme_allowed(Plan::basic, "noturno"));
  EXPECT_FALSE(theme_allowed(Plan::basic, themes_for(Plan::premium)[2].id));
  EXPECT_FALSE(theme_allowed(Plan::premium, themes_for(Plan::enterprise).back().id));
}

}  // namespace
}  // namespace mg::identity
