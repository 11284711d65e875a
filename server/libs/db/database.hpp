#pragma once
// PostgreSQL access for stores: a pool of connections in libpq pipeline mode
// with prepared statements, and tenant-scoped transactions.
//
// Every transaction sets `app.current_tenant` with set_config(…, true), local
// to that transaction, so it also holds behind PgBouncer in transaction mode.
// A read sends the tenant and its queries, as one implicit read-only
// transaction, in one round trip.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "libs/db/errors.hpp"
#include "libs/db/result.hpp"

namespace mg::db {

// A text parameter; nullopt is SQL NULL.
using Value = std::optional<std::string>;

inline Value val(std::int64_t v) {
  return std::to_string(v);
}
inline Value val(int v) {
  return std::to_string(v);
}
inline Value val(bool v) {
  return v ? "t" : "f";
}
inline Value val(std::string_view v) {
  return std::string(v);
}
inline Value val(const char* v) {
  return std::string(v);
}
inline Value val(const std::string& v) {
  return v;
}
inline Value val(std::string&& v) {
  return std::move(v);
}
inline Value val(std::nullptr_t) {
  return std::nullopt;
}
template <class T>
Value val(const std::optional<T>& v) {
  return v ? val(*v) : std::nullopt;
}

struct Query {
  std::string_view sql;  // must outlive the call: a literal in the store
  std::vector<Value> params;
};

template <class... Args>
Query q(std::string_view sql, Args&&... args) {
  return Query{sql, {val(std::forward<Args>(args))...}};
}

// SQL built at run time from the filters a request uses, kept for the life
// of the process so a Query can point at it; each variant is prepared (and
// planned) on its own. Only for texts drawn from a small, fixed set of
// variants — never for values, which always travel as parameters.
std::string_view intern(std::string sql);

class Connection;

// A transaction on one connection. Statements are prepared once per
// connection and reused.
class Tx {
 public:
  explicit Tx(Connection& conn, std::optional<std::int64_t> tenant);
  Result exec(const Query& query);
  template <class... Args>
  Result exec(std::string_view sql, Args&&... args) {
    return exec(q(sql, std::forward<Args>(args)...));
  }
  // Several statements in one round trip, results in order; the first
  // failure throws (and the transaction rolls back).
  std::vector<Result> exec_batch(const std::vector<Query>& queries);
  std::optional<std::int64_t> tenant() const { return tenant_; }

 private:
  friend class Database;
  void commit();
  void rollback();
  Connection& conn_;
  std::optional<std::int64_t> tenant_;
  bool begun_ = false;
  bool commit_sent_ = false;
};

struct PoolSettings {
  std::string url;
  int size = 16;
  std::chrono::milliseconds acquire_timeout{5000};
};

struct PoolStats {
  int total = 0;
  int idle = 0;
  int busy = 0;
  int waiting = 0;
};

class Database {
 public:
  explicit Database(PoolSettings settings);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs `work` in a transaction scoped to `tenant`; commits when it returns,
  // rolls back when it throws. Retried once on a new connection when the
  // connection broke before the commit was sent.
  template <class F>
  auto transaction(std::int64_t tenant, F&& work) {
    return run_tx(std::optional<std::int64_t>(tenant), std::forward<F>(work));
  }
  // A transaction with no tenant set: tenant tables show nothing; only the
  // narrow SECURITY DEFINER functions answer.
  template <class F>
  auto global(F&& work) {
    return run_tx(std::nullopt, std::forward<F>(work));
  }

  // Read-only queries for one tenant in a single round trip.
  std::vector<Result> read(std::int64_t tenant, const std::vector<Query>& queries);
  Result read(std::int64_t tenant, const Query& query);

  bool ping();
  PoolStats stats() const;
  const std::string& url() const;

 private:
  struct Lease;
  Lease acquire();

  template <class F>
  auto run_tx(std::optional<std::int64_t> tenant, F&& work) {
    using R = decltype(work(std::declval<Tx&>()));
    if constexpr (std::is_void_v<R>) {
      transact(tenant, [&](Tx& tx) { work(tx); });
    } else {
      std::optional<R> out;
      transact(tenant, [&](Tx& tx) { out.emplace(work(tx)); });
      return std::move(*out);
    }
  }
  void transact(std::optional<std::int64_t> tenant, const std::function<void(Tx&)>& work);

  struct Pool;
  std::unique_ptr<Pool> pool_;
};

}  // namespace mg::db
