#pragma once
// The workshop's ids (public: other modules name orders and customers).
#include "libs/core/ids.hpp"

namespace mg::workshop {

using CustomerId = Id<struct CustomerTag>;
using MotorcycleId = Id<struct MotorcycleTag>;
using PartId = Id<struct PartTag>;
using OrderId = Id<struct OrderTag>;
using ItemId = Id<struct ItemTag>;
using MovementId = Id<struct MovementTag>;

}  // namespace mg::workshop
