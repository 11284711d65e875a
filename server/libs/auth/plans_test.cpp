#include "libs/auth/plans.hpp"

#include <gtest/gtest.h>

namespace mg::auth {
namespace {

constexpr Plan kPlans[] = {Plan::basic, Plan::premium, Plan::enterprise};
constexpr Feature kFeatures[] = {Feature::ai_assistant, Feature::automations, Feature::messaging,
                                 Feature::quotes, Feature::custom_theme};

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
      {Feature::ai_assistant, false, true, true},  {Feature::automations, false, true, true},
      {Feature::messaging, false, true, true},     {Feature::quotes, false, true, true},
      {Feature::custom_theme, false, false, true},
  };
  for (const Row& row : expected) {
    SCOPED_TRACE(std::string(to_string(row.feature)));
    EXPECT_EQ(has_feature(Plan::basic, row.feature), row.basic);
    EXPECT_EQ(has_feature(Plan::premium, row.feature), row.premium);
    EXPECT_EQ(has_feature(Plan::enterprise, row.feature), row.enterprise);
  }
  EXPECT_EQ(std::size(expected), std::size(kFeatures));
  EXPECT_EQ(std::size(kAllFeatures), std::size(kFeatures));
  for (Feature f : kAllFeatures) EXPECT_FALSE(label_pt(f).empty()) << to_string(f);
}

TEST(Plans, MinimumPlanAndOrder) {
  EXPECT_EQ(minimum_plan(Feature::ai_assistant), Plan::premium);
  EXPECT_EQ(minimum_plan(Feature::messaging), Plan::premium);
  EXPECT_EQ(minimum_plan(Feature::custom_theme), Plan::enterprise);
  for (Plan p : kPlans)
    for (Feature f : kFeatures) EXPECT_EQ(has_feature(p, f), includes(p, minimum_plan(f)));
  EXPECT_TRUE(includes(Plan::enterprise, Plan::basic));
  EXPECT_TRUE(includes(Plan::premium, Plan::premium));
  EXPECT_FALSE(includes(Plan::basic, Plan::premium));
}

}  // namespace
}  // namespace mg::auth
