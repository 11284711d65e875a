#include "libs/auth/plans.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <set>

#include "libs/core/api_error.hpp"

namespace mg::auth {
namespace {

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

constexpr Plan kPlans[] = {Plan::basic, Plan::premium, Plan::enterprise};
constexpr Feature kFeatures[] = {Feature::ai_assistant, Feature::automations, Feature::messaging,
                                 Feature::custom_theme};

TEST(Plans, Parse) {
  EXPECT_EQ(parse_plan("BASIC"), Plan::basic);
  EXPECT_EQ(parse_plan("basic"), Plan::basic);
  EXPECT_EQ(parse_plan("PREMIUM"), Plan::premium);
  EXPECT_EQ(parse_plan("Premium"), Plan::premium);
  EXPECT_EQ(parse_plan("PRO"), Plan::premium);  // the old name
  EXPECT_EQ(parse_plan("pro"), Plan::premium);
  EXPECT_EQ(parse_plan("ENTERPRISE"), Plan::enterprise);
  EXPECT_EQ(parse_plan("enterprise"), Plan::enterprise);
  for (const char* bad : {"", "FREE", "PRO ", "PREMIUM+", "BASICO", "ENTERPRISES", "E"}) {
    EXPECT_EQ(parse_plan(bad), std::nullopt) << bad;
  }
}

TEST(Plans, ToString) {
  EXPECT_EQ(to_string(Plan::basic), "BASIC");
  EXPECT_EQ(to_string(Plan::premium), "PREMIUM");
  EXPECT_EQ(to_string(Plan::enterprise), "ENTERPRISE");
  for (Plan p : kPlans) EXPECT_EQ(parse_plan(to_string(p)), p);
  EXPECT_EQ(label_pt(Plan::basic), "Básico");
}

TEST(Plans, FeatureMatrix) {
  struct Row {
    Feature feature;
    bool basic, premium, enterprise;
  };
  const Row expected[] = {
      {Feature::ai_assistant, false, true, true},
      {Feature::automations, false, true, true},
      {Feature::messaging, false, true, true},
      {Feature::custom_theme, false, false, true},
  };
  for (const Row& row : expected) {
    SCOPED_TRACE(std::string(to_string(row.feature)));
    EXPECT_EQ(has_feature(Plan::basic, row.feature), row.basic);
    EXPECT_EQ(has_feature(Plan::premium, row.feature), row.premium);
    EXPECT_EQ(has_feature(Plan::enterprise, row.feature), row.enterprise);
  }
  EXPECT_EQ(std::size(expected), std::size(kFeatures));
}

TEST(Plans, RequireFeatureThrowsPlanRequired) {
  EXPECT_NO_THROW(require_feature(Plan::premium, Feature::ai_assistant));
  EXPECT_NO_THROW(require_feature(Plan::enterprise, Feature::custom_theme));
  try {
    require_feature(Plan::basic, Feature::ai_assistant);
    FAIL();
  } catch (const ApiError& e) {
    EXPECT_EQ(e.status(), 403);
    EXPECT_EQ(e.code(), "plan_required");
    EXPECT_EQ(e.message(), "Este recurso requer o plano Premium ou superior.");
  }
  try {
    require_feature(Plan::premium, Feature::custom_theme);
    FAIL();
  } catch (const ApiError& e) {
    EXPECT_EQ(e.code(), "plan_required");
    EXPECT_EQ(e.message(), "Este recurso requer o plano Enterprise.");
  }
  for (Plan p : kPlans) {
    for (Feature f : kFeatures) {
      if (has_feature(p, f)) {
        EXPECT_NO_THROW(require_feature(p, f));
      } else {
        EXPECT_THROW(require_feature(p, f), ApiError);
      }
    }
  }
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
      EXPECT_EQ(theme_allowed(p, t.id), offered) << to_string(p) << " " << t.id;
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
}  // namespace mg::auth
