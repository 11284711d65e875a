#pragma once
// Reads without a thread hop: libpq's non-blocking API on the server's event
// loop. Each connection's socket is registered with Asio and kept in pipeline
// mode, so one connection carries many reads at once (each its own implicit
// read-only transaction for one tenant, answered in order) and the request
// that started a read is answered from the same I/O thread that read it.
//
// Only reads go this way; transactions (and anything that may wait on a lock)
// stay on the worker threads with db::Database.
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "libs/core/ids.hpp"
#include "libs/db/database.hpp"

namespace boost::asio {
class io_context;
}

namespace mg::db {

struct ReadOutcome {
  std::vector<Result> results;   // one per query, in order
  std::optional<Error> failure;  // the first statement that failed
  bool lost = false;             // the connection broke: nothing is known
};

class AsyncReader {
 public:
  // `connections` connections to settings.url, each read in settings.time_zone.
  AsyncReader(boost::asio::io_context& ioc, const PoolSettings& settings, int connections);
  ~AsyncReader();
  AsyncReader(const AsyncReader&) = delete;
  AsyncReader& operator=(const AsyncReader&) = delete;

  // Sends the tenant and the queries in one round trip on the least busy
  // connection; `done` runs on the event loop when the answers are in.
  void read(TenantId tenant, std::vector<Query> queries, std::function<void(ReadOutcome)> done);

  struct Connection;

 private:
  std::vector<std::shared_ptr<Connection>> connections_;
};

}  // namespace mg::db
