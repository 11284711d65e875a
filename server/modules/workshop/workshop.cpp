#include "modules/workshop/workshop.hpp"

namespace mg::workshop {

struct Workshop::Impl {
  explicit Impl(db::Database& database) : db(database) {}
  db::Database& db;
};

Workshop::Workshop(db::Database& db) : impl_(std::make_unique<Impl>(db)) {}
Workshop::~Workshop() = default;

void Workshop::register_routes(http::Router&) {}

void Workshop::seed_demo(db::Tx&, std::int64_t, std::int64_t) {}

}  // namespace mg::workshop
