#include "libs/events/bus.hpp"

#include <gtest/gtest.h>

namespace mg::events {
namespace {

struct Happened {
  int n = 0;
};
struct Other {};

// Subscribers never touch the transaction here; a reference stands in for it.
db::Tx& no_tx() {
  return *reinterpret_cast<db::Tx*>(alignof(std::max_align_t));
}

TEST(Bus, RunsSubscribersInOrderAndStopsAtTheFirstFailure) {
  Bus bus;
  std::vector<std::string> ran;
  bus.subscribe<Happened>("a", [&](db::Tx&, const Happened& e) {
    ran.push_back("a" + std::to_string(e.n));
    return Result<void>{};
  });
  bus.subscribe<Happened>("b", [&](db::Tx&, const Happened&) -> Result<void> {
    ran.push_back("b");
    return fail::conflict("b recusou");
  });
  bus.subscribe<Happened>("c", [&](db::Tx&, const Happened&) {
    ran.push_back("c");
    return Result<void>{};
  });
  auto r = bus.publish(no_tx(), Happened{3});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "b recusou");
  EXPECT_EQ(ran, (std::vector<std::string>{"a3", "b"}));
  EXPECT_EQ(bus.subscribers<Happened>(), (std::vector<std::string>{"a", "b", "c"}));
}

TEST(Bus, AnEventNobodyListensToIsFine) {
  Bus bus;
  EXPECT_TRUE(bus.publish(no_tx(), Other{}));
  EXPECT_TRUE(bus.subscribers<Other>().empty());
}

}  // namespace
}  // namespace mg::events
