#include "modules/workshop/domain/order_status.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <utility>

#include "libs/auth/roles.hpp"

namespace mg::workshop {
namespace {

using auth::Role;
using S = OrderStatus;

TEST(OrderStatus, ParseAndToString) {
  EXPECT_EQ(parse_order_status("OPEN"), S::open);
  EXPECT_EQ(parse_order_status("IN_PROGRESS"), S::in_progress);
  EXPECT_EQ(parse_order_status("WAITING_PARTS"), S::waiting_parts);
  EXPECT_EQ(parse_order_status("COMPLETED"), S::completed);
  EXPECT_EQ(parse_order_status("CANCELLED"), S::cancelled);
  for (S s : kAllOrderStatuses) EXPECT_EQ(parse_order_status(to_string(s)), s);
  for (const char* bad : {"", "open", "CANCELED", "DONE", "IN PROGRESS", "OPEN "}) {
    EXPECT_EQ(parse_order_status(bad), std::nullopt) << bad;
  }
}

TEST(OrderStatus, LabelsPtBr) {
  EXPECT_EQ(label_pt(S::open), "Aberta");
  EXPECT_EQ(label_pt(S::in_progress), "Em andamento");
  EXPECT_EQ(label_pt(S::waiting_parts), "Aguardando peças");
  EXPECT_EQ(label_pt(S::completed), "Concluída");
  EXPECT_EQ(label_pt(S::cancelled), "Cancelada");
}

// API.md §3, written out independently of order_status.cpp.
const std::set<std::pair<S, S>> kExpectedMoves = {
    {S::open, S::in_progress},
    {S::open, S::waiting_parts},
    {S::open, S::completed},
    {S::open, S::cancelled},
    {S::in_progress, S::waiting_parts},
    {S::in_progress, S::completed},
    {S::in_progress, S::cancelled},
    {S::waiting_parts, S::in_progress},
    {S::waiting_parts, S::completed},
    {S::waiting_parts, S::cancelled},
    {S::completed, S::in_progress},
};

TEST(OrderStatus, EveryPairAgainstTheStateMachine) {
  int count = 0;
  for (S from : kAllOrderStatuses) {
    for (S to : kAllOrderStatuses) {
      SCOPED_TRACE(std::string(to_string(from)) + " -> " + std::string(to_string(to)));
      EXPECT_EQ(transition_exists(from, to), kExpectedMoves.count({from, to}) == 1);
      count += transition_exists(from, to);
    }
  }
  EXPECT_EQ(count, 11);
}

TEST(OrderStatus, CancelledIsFinalAndNothingGoesBackToOpen) {
  for (S s : kAllOrderStatuses) {
    EXPECT_FALSE(transition_exists(S::cancelled, s));
    EXPECT_FALSE(transition_exists(s, S::open));
    EXPECT_FALSE(transition_exists(s, s));
  }
}

// Who may make an existing move: expected by role, written out.
bool expected_allowed(Role role, S from, S to) {
  const bool cancel_or_reopen =
      to == S::cancelled || (from == S::completed && to == S::in_progress);
  switch (role) {
    case Role::owner:
    case Role::manager:
      return true;
    case Role::attendant:
      return !cancel_or_reopen;
    case Role::mechanic:
      return !cancel_or_reopen &&
             (to == S::in_progress || to == S::waiting_parts || to == S::completed);
  }
  return false;
}

// The failure check_transition answers, or nullopt when the move is allowed.
std::optional<Failure> refusal(Role role, S from, S to) {
  auto r = check_transition(role, from, to);
  if (r) return std::nullopt;
  return r.error();
}

TEST(CheckTransition, EveryRoleEveryPair) {
  for (Role role : auth::kAllRoles) {
    for (S from : kAllOrderStatuses) {
      for (S to : kAllOrderStatuses) {
        SCOPED_TRACE(std::string(auth::to_string(role)) + " " + std::string(to_string(from)) +
                     " -> " + std::string(to_string(to)));
        auto refused = refusal(role, from, to);
        if (!kExpectedMoves.count({from, to})) {
          ASSERT_TRUE(refused) << "accepted";
          EXPECT_EQ(refused->kind, FailureKind::rule);
          EXPECT_EQ(refused->code, "invalid_transition");
        } else if (expected_allowed(role, from, to)) {
          EXPECT_FALSE(refused);
        } else {
          ASSERT_TRUE(refused) << "accepted";
          EXPECT_EQ(refused->kind, FailureKind::forbidden);
          EXPECT_EQ(refused->code, "forbidden");
        }
        // What reads offer (allowed_transitions) is exactly what the move accepts.
        const auto offered = allowed_transitions(role, from);
        EXPECT_EQ(std::find(offered.begin(), offered.end(), to) != offered.end(), !refused);
      }
    }
  }
}

TEST(CheckTransition, InvalidTransitionMessageNamesBothStatuses) {
  EXPECT_EQ(refusal(Role::owner, S::cancelled, S::open)->message,
            "Não é possível mudar de Cancelada para Aberta.");
  EXPECT_EQ(refusal(Role::owner, S::open, S::open)->code, "invalid_transition");
  EXPECT_EQ(refusal(Role::owner, S::open, S::open)->message,
            "Não é possível mudar de Aberta para Aberta.");
  EXPECT_EQ(refusal(Role::manager, S::completed, S::waiting_parts)->message,
            "Não é possível mudar de Concluída para Aguardando peças.");
}

TEST(CheckTransition, ExistenceIsCheckedBeforeRole) {
  // A mechanic asking for a move that doesn't exist learns that, not "forbidden".
  EXPECT_EQ(refusal(Role::mechanic, S::cancelled, S::in_progress)->code, "invalid_transition");
}

TEST(CheckTransition, CancelAndReopen) {
  EXPECT_FALSE(refusal(Role::manager, S::completed, S::in_progress));
  EXPECT_FALSE(refusal(Role::owner, S::in_progress, S::cancelled));
  EXPECT_EQ(refusal(Role::attendant, S::completed, S::in_progress)->code, "forbidden");
  EXPECT_EQ(refusal(Role::mechanic, S::open, S::cancelled)->code, "forbidden");
  EXPECT_TRUE(is_cancel_or_reopen(S::completed, S::in_progress));
  EXPECT_TRUE(is_cancel_or_reopen(S::open, S::cancelled));
  EXPECT_FALSE(is_cancel_or_reopen(S::waiting_parts, S::in_progress));
  EXPECT_FALSE(refusal(Role::mechanic, S::waiting_parts, S::in_progress));
  EXPECT_FALSE(refusal(Role::mechanic, S::open, S::completed));
}

TEST(OrderCapabilities, FollowTheRoleAndTheStatus) {
  auto mech = order_capabilities(Role::mechanic, S::in_progress);
  EXPECT_TRUE(mech.edit_items);
  EXPECT_FALSE(mech.edit || mech.edit_prices || mech.discount || mech.cancel || mech.reopen);
  auto desk = order_capabilities(Role::attendant, S::open);
  EXPECT_TRUE(desk.edit && desk.edit_items && desk.edit_prices && desk.discount);
  EXPECT_FALSE(desk.cancel || desk.reopen);
  auto done = order_capabilities(Role::owner, S::completed);
  EXPECT_FALSE(done.edit || done.edit_items || done.edit_prices || done.discount || done.cancel);
  EXPECT_TRUE(done.reopen);
  auto gone = order_capabilities(Role::owner, S::cancelled);
  EXPECT_FALSE(gone.edit || gone.edit_items || gone.cancel || gone.reopen);
}

TEST(OrderCapabilities, TheMechanicOfACompletedOrderMayStillBeCorrected) {
  EXPECT_TRUE(order_capabilities(Role::owner, S::completed).assign_mechanic);
  EXPECT_TRUE(order_capabilities(Role::attendant, S::completed).assign_mechanic);
  EXPECT_FALSE(order_capabilities(Role::owner, S::cancelled).assign_mechanic);
  EXPECT_FALSE(order_capabilities(Role::mechanic, S::open).assign_mechanic);
}

TEST(OrderCapabilities, OnlyTheDeskAndTheManagersNameALaborLinesDoer) {
  EXPECT_TRUE(order_capabilities(Role::attendant, S::in_progress).assign_item_staff);
  EXPECT_TRUE(order_capabilities(Role::manager, S::open).assign_item_staff);
  EXPECT_FALSE(order_capabilities(Role::mechanic, S::in_progress).assign_item_staff);
  EXPECT_FALSE(order_capabilities(Role::owner, S::completed).assign_item_staff);
}

TEST(OrderStatus, ItemsLocked) {
  EXPECT_FALSE(items_locked(S::open));
  EXPECT_FALSE(items_locked(S::in_progress));
  EXPECT_FALSE(items_locked(S::waiting_parts));
  EXPECT_TRUE(items_locked(S::completed));
  EXPECT_TRUE(items_locked(S::cancelled));
}

}  // namespace
}  // namespace mg::workshop
