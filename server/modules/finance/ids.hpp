#pragma once
// Finance's ids (public: other modules may name a receivable or a payment).
#include "libs/core/ids.hpp"

namespace mg::finance {

using ReceivableId = Id<struct ReceivableTag>;
using PayableId = Id<struct PayableTag>;
using PaymentId = Id<struct PaymentTag>;
using CashRegisterId = Id<struct CashRegisterTag>;
using CashMovementId = Id<struct CashMovementTag>;

}  // namespace mg::finance
