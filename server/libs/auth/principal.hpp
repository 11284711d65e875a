#pragma once
// Who is calling: the verified access token's user, tenant, session, role and plan.
#include <string>

#include "libs/auth/plans.hpp"
#include "libs/auth/roles.hpp"
#include "libs/core/ids.hpp"

namespace mg::auth {

struct Principal {
  UserId user;
  TenantId tenant;
  SessionId session;
  std::string tenant_name;
  Role role = Role::mechanic;
  Plan plan = Plan::basic;
};

}  // namespace mg::auth
