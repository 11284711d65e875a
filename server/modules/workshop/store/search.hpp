#pragma once
// Text search the way attendants type (API.md §3): every word must match, in
// any order, each against any of the searched columns, ignoring case and
// accents. Each word becomes one filter condition, so the trigram indexes on
// the `search` columns stay in use.
#include <string>
#include <string_view>
#include <vector>

namespace mg::workshop::store {

// The words of a `q`, at most kMaxWords (the rest is ignored), each escaped
// for LIKE.
inline constexpr std::size_t kMaxWords = 5;
std::vector<std::string> search_words(std::string_view q);

// `column like <the parameter as a lower-case, unaccented %pattern%>`; the
// pattern is a scalar subquery so PostgreSQL computes it once per statement,
// not once per row (unaccent is a dictionary lookup).
std::string matches(std::string_view column);

// The plate key a word can match (old and Mercosul forms, with or without the
// hyphen), or "" when the word is too short to be meant as a plate.
std::string plate_word(std::string_view word);

}  // namespace mg::workshop::store
