#pragma once
// Strong ids: an OrderId cannot be passed where a CustomerId is expected, and
// the tenant is always a TenantId, never a bare integer.
#include <compare>
#include <cstdint>
#include <functional>

namespace mg {

template <class Tag>
struct Id {
  std::int64_t value = 0;

  constexpr Id() = default;
  constexpr explicit Id(std::int64_t v) : value(v) {}
  constexpr auto operator<=>(const Id&) const = default;
  constexpr explicit operator bool() const { return value != 0; }
};

template <class T>
struct is_id : std::false_type {};
template <class Tag>
struct is_id<Id<Tag>> : std::true_type {};
template <class T>
inline constexpr bool is_id_v = is_id<T>::value;

using TenantId = Id<struct TenantTag>;
using UserId = Id<struct UserTag>;
using SessionId = Id<struct SessionTag>;
// A member of a workshop's staff: owned by the team module, named by the
// workshop's orders too (their mechanic), so it lives beside UserId.
using StaffId = Id<struct StaffTag>;

}  // namespace mg

template <class Tag>
struct std::hash<mg::Id<Tag>> {
  std::size_t operator()(mg::Id<Tag> id) const noexcept {
    return std::hash<std::int64_t>{}(id.value);
  }
};
