#include "modules/team/domain/vocabulary.hpp"

#include <gtest/gtest.h>

namespace mg::team {
namespace {

TEST(OneOf, AcceptsAnyCaseAndAnswersTheCanonicalWord) {
  EXPECT_EQ(one_of(kChannels, "whatsapp"), "WHATSAPP");
  EXPECT_EQ(one_of(kChannels, "In_Person"), "IN_PERSON");
  EXPECT_EQ(one_of(kTaskStatuses, "done"), "DONE");
  EXPECT_EQ(one_of(kPriorities, "URGENT"), "URGENT");
  EXPECT_EQ(one_of(kDirections, "out"), "OUT");
}

TEST(OneOf, RefusesEverythingElse) {
  EXPECT_FALSE(one_of(kChannels, "SMS"));
  EXPECT_FALSE(one_of(kChannels, ""));
  EXPECT_FALSE(one_of(kChannels, " PHONE"));
  EXPECT_FALSE(one_of(kTaskStatuses, "WAITING_PARTS"));
  EXPECT_FALSE(one_of(kPriorities, "ALTA"));
}

TEST(ChoicesPt, ListsTheWordsTheWayAPersonReadsThem) {
  EXPECT_EQ(choices_pt(kDirections), "IN ou OUT");
  EXPECT_EQ(choices_pt(kTaskStatuses), "OPEN, IN_PROGRESS, WAITING, DONE ou CANCELLED");
}

}  // namespace
}  // namespace mg::team
