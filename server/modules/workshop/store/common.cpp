#include "modules/workshop/store/common.hpp"

#include "modules/workshop/domain/filters.hpp"

namespace mg::workshop::store {

std::vector<db::Result> exec_all(db::Tx& tx, const std::vector<db::Query>& queries) {
  std::vector<db::Result> out;
  out.reserve(queries.size());
  for (const auto& query : queries) out.push_back(tx.exec(query));
  return out;
}

std::optional<std::string> like_text(const std::optional<std::string>& q) {
  if (!q) return std::nullopt;
  return like_escape(*q);
}

}  // namespace mg::workshop::store
