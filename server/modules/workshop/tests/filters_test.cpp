#include "modules/workshop/domain/filters.hpp"

#include <gtest/gtest.h>

namespace mg::workshop {
namespace {

TEST(LikeEscape, EscapesWildcardsAndBackslash) {
  EXPECT_EQ(like_escape("joao"), "joao");
  EXPECT_EQ(like_escape("50%"), "50\\%");
  EXPECT_EQ(like_escape("a_b"), "a\\_b");
  EXPECT_EQ(like_escape("c:\\x"), "c:\\\\x");
  EXPECT_EQ(like_escape(""), "");
  EXPECT_EQ(like_escape("João"), "João");  // UTF-8 bytes untouched
}

TEST(MaxMotorcycleYear, IsNextYear) {
  EXPECT_GE(max_motorcycle_year(), 2026);
}

}  // namespace
}  // namespace mg::workshop
