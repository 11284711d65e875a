#pragma once
// What the workshop's stores share. Every function of a store runs either in a
// transaction whose tenant is already set (db::Tx: RLS keeps it inside one
// workshop), or, for reads, in one round trip with Database::read(tenant, …).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "libs/db/database.hpp"

namespace mg::workshop::store {

struct Page {
  std::int64_t limit = 100, offset = 0;
};

// The queries of a read, one after the other on a transaction (the same
// queries Database::read pipelines).
std::vector<db::Result> exec_all(db::Tx& tx, const std::vector<db::Query>& queries);

// `q` prepared for `search like SEARCH_PATTERN("$n")`; nullopt stays nullopt.
std::optional<std::string> like_text(const std::optional<std::string>& q);

// The LIKE pattern of a search parameter, as a scalar subquery so that
// PostgreSQL computes it once per statement instead of once per row
// (unaccent is a dictionary lookup).
#define SEARCH_PATTERN(param) "(select '%' || lower(f_unaccent(" param ")) || '%')"

}  // namespace mg::workshop::store
