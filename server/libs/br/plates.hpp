#pragma once
// Motorcycle plates: the stored form and the identity key that matches old and Mercosul forms.
#include <optional>
#include <string>
#include <string_view>

namespace mg::br {

// Stored form: upper-case, spaces removed, only [A-Z0-9-], 1..10 chars; nullopt otherwise.
std::optional<std::string> normalize_plate(std::string_view plate);

// Identity key for equality and search: letters and digits only, upper-case; an old-format plate
// LLLDDDD becomes its Mercosul form LLLDLDD (5th char digit d -> letter 'A'+d), so ABC1234,
// ABC-1234 and ABC1C34 all give "ABC1C34". Plates in neither format keep their alnum form
// (a real motorcycle is never rejected).
std::string plate_key(std::string_view plate);

}  // namespace mg::br
