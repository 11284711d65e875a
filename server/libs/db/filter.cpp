#include "libs/db/filter.hpp"

#include <algorithm>
#include <stdexcept>

namespace mg::db {
namespace {

void replace_all(std::string& text, std::string_view from, std::string_view to) {
  for (auto pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size()))
    text.replace(pos, from.size(), to);
}

}  // namespace

Filter& Filter::where(std::string_view tag, std::string_view condition, Value value) {
  if (!value) return *this;
  params_.push_back(std::move(value));
  std::string c(condition);
  replace_all(c, "?", "$" + std::to_string(params_.size()));
  tags_.emplace_back(tag);
  conditions_.push_back(std::move(c));
  return *this;
}

Filter& Filter::where(std::string_view tag, std::string_view condition, Value first, Value second) {
  params_.push_back(std::move(first));
  params_.push_back(std::move(second));
  std::string c(condition);
  replace_all(c, "?2", "$" + std::to_string(params_.size()));
  replace_all(c, "?", "$" + std::to_string(params_.size() - 1));
  tags_.emplace_back(tag);
  conditions_.push_back(std::move(c));
  return *this;
}

Filter& Filter::where_if(bool on, std::string_view tag, std::string_view condition) {
  if (!on) return *this;
  tags_.emplace_back(tag);
  conditions_.emplace_back(condition);
  return *this;
}

bool Filter::uses(std::string_view tag) const {
  return std::find(tags_.begin(), tags_.end(), tag) != tags_.end();
}

Query Filter::query(std::string_view name, std::string_view sql, std::vector<Value> extra) const {
  std::string conditions;
  std::string variant(name);
  variant += '[';
  for (std::size_t i = 0; i < conditions_.size(); ++i) {
    conditions += (i ? " and " : "") + conditions_[i];
    variant += (i ? "," : "") + tags_[i];
  }
  variant += ']';
  std::string text(sql);
  if (text.find("{where}") != std::string::npos)
    replace_all(text, "{where}", conditions.empty() ? "" : "where " + conditions);
  if (text.find("{and}") != std::string::npos)
    replace_all(text, "{and}", conditions.empty() ? "" : "and " + conditions);
  for (std::size_t i = 0; i < extra.size(); ++i)
    replace_all(text, "{" + std::to_string(i + 1) + "}",
                "$" + std::to_string(params_.size() + i + 1));
  Query out{&intern(variant, text), params_};
  out.params.insert(out.params.end(), std::make_move_iterator(extra.begin()),
                    std::make_move_iterator(extra.end()));
  return out;
}

}  // namespace mg::db
