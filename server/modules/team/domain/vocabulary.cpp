#include "modules/team/domain/vocabulary.hpp"

#include <cctype>

namespace mg::team {

std::optional<std::string> one_of(std::span<const std::string_view> words, std::string_view text) {
  std::string upper(text);
  for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  for (auto word : words)
    if (word == upper) return upper;
  return std::nullopt;
}

std::string choices_pt(std::span<const std::string_view> words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += i + 1 == words.size() ? " ou " : ", ";
    out += words[i];
  }
  return out;
}

}  // namespace mg::team
