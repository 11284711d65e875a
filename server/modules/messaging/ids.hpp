#pragma once
// The messaging module's ids (public: other modules may name its channels and messages).
#include "libs/core/ids.hpp"

namespace mg::messaging {

using ChannelId = Id<struct ChannelTag>;
using MessageId = Id<struct MessageTag>;

}  // namespace mg::messaging
