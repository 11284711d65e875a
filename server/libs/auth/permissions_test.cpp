#include "libs/auth/permissions.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "libs/auth/roles.hpp"

namespace mg::auth {
namespace {

TEST(Roles, ParseIsCaseInsensitive) {
  EXPECT_EQ(parse_role("OWNER"), Role::owner);
  EXPECT_EQ(parse_role("owner"), Role::owner);
  EXPECT_EQ(parse_role("Manager"), Role::manager);
  EXPECT_EQ(parse_role("attendant"), Role::attendant);
  EXPECT_EQ(parse_role("MeChAnIc"), Role::mechanic);
}

TEST(Roles, ParseRejectsOthers) {
  for (const char* bad : {"", "ADMIN", "OWNER ", " OWNER", "OWNERS", "OWNE", "mecânico", "USER"}) {
    EXPECT_EQ(parse_role(bad), std::nullopt) << bad;
  }
}

TEST(Roles, ToStringRoundTrips) {
  EXPECT_EQ(to_string(Role::owner), "OWNER");
  EXPECT_EQ(to_string(Role::manager), "MANAGER");
  EXPECT_EQ(to_string(Role::attendant), "ATTENDANT");
  EXPECT_EQ(to_string(Role::mechanic), "MECHANIC");
  for (Role r : kAllRoles) {
    EXPECT_EQ(parse_role(to_string(r)), r);
    EXPECT_FALSE(label_pt(r).empty());
  }
  EXPECT_EQ(label_pt(Role::mechanic), "Mecânico");
}

// API.md §2, written out independently of permissions.cpp. Columns: OWNER, MANAGER, ATTENDANT,
// MECHANIC.
struct Row {
  Action action;
  bool owner, manager, attendant, mechanic;
};
constexpr Row kExpected[] = {
    {Action::manage_users, 1, 0, 0, 0},
    {Action::read_users, 1, 1, 0, 0},
    {Action::read_workshop, 1, 1, 1, 1},
    {Action::write_customers, 1, 1, 1, 0},
    {Action::deactivate_customers, 1, 1, 0, 0},
    {Action::manage_parts, 1, 1, 0, 0},
    {Action::write_orders, 1, 1, 1, 0},
    {Action::write_order_items, 1, 1, 1, 1},
    {Action::change_order_status, 1, 1, 1, 1},
    {Action::cancel_reopen_orders, 1, 1, 0, 0},
    {Action::finance, 1, 1, 0, 0},
    {Action::manage_staff, 1, 1, 0, 0},
    {Action::work_tasks, 1, 1, 1, 1},
    {Action::set_prices, 1, 1, 1, 0},
    {Action::see_costs, 1, 1, 0, 0},
};

TEST(Permissions, WholeTableMatchesApiMd) {
  std::set<Action> covered;
  for (const Row& row : kExpected) {
    covered.insert(row.action);
    SCOPED_TRACE(std::string(to_string(row.action)));
    EXPECT_EQ(allowed(Role::owner, row.action), row.owner);
    EXPECT_EQ(allowed(Role::manager, row.action), row.manager);
    EXPECT_EQ(allowed(Role::attendant, row.action), row.attendant);
    EXPECT_EQ(allowed(Role::mechanic, row.action), row.mechanic);
  }
  // Every action has a row: a new action must be added to this test.
  for (Action a : kAllActions) EXPECT_TRUE(covered.count(a)) << to_string(a);
  EXPECT_EQ(covered.size(), std::size(kAllActions));
}

TEST(Permissions, OwnerMayDoEverything) {
  for (Action a : kAllActions) EXPECT_TRUE(allowed(Role::owner, a)) << to_string(a);
}

TEST(Permissions, MechanicHasNoFinance) {
  EXPECT_FALSE(allowed(Role::mechanic, Action::finance));
  EXPECT_FALSE(allowed(Role::attendant, Action::finance));
}

TEST(Permissions, ActionNamesAreUnique) {
  std::set<std::string_view> names;
  for (Action a : kAllActions) {
    EXPECT_NE(to_string(a), "unknown");
    names.insert(to_string(a));
  }
  EXPECT_EQ(names.size(), std::size(kAllActions));
  EXPECT_EQ(to_string(Action::cancel_reopen_orders), "cancel_reopen_orders");
}

TEST(Permissions, UnknownEnumValuesGrantNothing) {
  const auto bogus_action = static_cast<Action>(999);
  for (Role r : kAllRoles) EXPECT_FALSE(allowed(r, bogus_action));
  const auto bogus_role = static_cast<Role>(999);
  for (Action a : kAllActions) EXPECT_FALSE(allowed(bogus_role, a)) << to_string(a);
}

}  // namespace
}  // namespace mg::auth
