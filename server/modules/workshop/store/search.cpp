#include "modules/workshop/store/search.hpp"

#include "libs/br/plates.hpp"
#include "modules/workshop/domain/filters.hpp"

namespace mg::workshop::store {

std::vector<std::string> search_words(std::string_view q) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < q.size() && words.size() < kMaxWords) {
    while (i < q.size() && (q[i] == ' ' || q[i] == '\t')) ++i;
    std::size_t j = i;
    while (j < q.size() && q[j] != ' ' && q[j] != '\t') ++j;
    if (j > i) words.push_back(like_escape(q.substr(i, j - i)));
    i = j;
  }
  return words;
}

std::string matches(std::string_view column) {
  return std::string(column) + " like (select '%' || lower(f_unaccent(?)) || '%')";
}

std::string plate_word(std::string_view word) {
  auto key = br::plate_key(word);
  return key.size() >= 4 ? key : std::string();
}

}  // namespace mg::workshop::store
