#pragma once
// The words of API.md §5: task statuses and priorities, interaction channels
// and directions. Pure (no SQL, no HTTP).
#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace mg::team {

inline constexpr std::array<std::string_view, 5> kTaskStatuses{"OPEN", "IN_PROGRESS", "WAITING",
                                                               "DONE", "CANCELLED"};
inline constexpr std::array<std::string_view, 4> kPriorities{"LOW", "NORMAL", "HIGH", "URGENT"};
inline constexpr std::array<std::string_view, 6> kChannels{"WHATSAPP",  "TELEGRAM", "PHONE",
                                                           "IN_PERSON", "EMAIL",    "OTHER"};
inline constexpr std::array<std::string_view, 2> kDirections{"IN", "OUT"};

// The word of `words` that `text` spells, in any case ("whatsapp" → "WHATSAPP"); nullopt when
// it spells none.
std::optional<std::string> one_of(std::span<const std::string_view> words, std::string_view text);

// "OPEN, IN_PROGRESS, WAITING, DONE ou CANCELLED": the choices, for a pt-BR message.
std::string choices_pt(std::span<const std::string_view> words);

}  // namespace mg::team
