#pragma once
// The themes each plan offers (API.md §2 /tenant/theme): BASIC 2, PREMIUM
// those + 3, ENTERPRISE all (those + 2), always in the same order.
#include <string>
#include <string_view>
#include <vector>

#include "libs/auth/plans.hpp"

namespace mg::identity {

struct Theme {
  std::string id;                                               // stable, ASCII ("classico")
  std::string name;                                             // pt-BR ("Clássico")
  std::string primary, secondary, accent, background, surface;  // "#RRGGBB"
};

std::vector<Theme> themes_for(auth::Plan plan);
bool theme_allowed(auth::Plan plan, std::string_view theme_id);

}  // namespace mg::identity
