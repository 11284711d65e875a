#pragma once
// The portal's ids (public: other modules may name a quote).
#include "libs/core/ids.hpp"

namespace mg::portal {

using QuoteId = Id<struct QuoteTag>;

}  // namespace mg::portal
