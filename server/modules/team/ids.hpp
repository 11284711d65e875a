#pragma once
// The team module's ids (public: other modules may name tasks and
// interactions). StaffId lives in libs/core/ids.hpp: the workshop's orders
// name their mechanic with it too.
#include "libs/core/ids.hpp"

namespace mg::team {

using mg::StaffId;
using TaskId = Id<struct TaskTag>;
using InteractionId = Id<struct InteractionTag>;

}  // namespace mg::team
