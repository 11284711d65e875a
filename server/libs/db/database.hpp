#pragma once
// PostgreSQL access for stores: a pool of connections in libpq pipeline mode
// with named prepared statements, and tenant-scoped transactions.
//
// Every transaction sets `app.current_tenant` and the workshops' TimeZone with
// set_config(…, true), local to that transaction, so they also hold behind
// PgBouncer in transaction mode (current_date is the workshop's day).
// A read sends the tenant and its queries, as one implicit read-only
// transaction, in one round trip.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "libs/core/failure.hpp"
#include "libs/core/ids.hpp"
#include "libs/db/errors.hpp"
#include "libs/db/result.hpp"
#include "libs/db/statement.hpp"

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
inline Value val(Value v) {
  return v;
}
inline Value val(money::Money m) {
  return val(m.cents);
}
template <class Tag>
Value val(Id<Tag> id) {
  return val(id.value);
}
template <class T>
Value val(const std::optional<T>& v) {
  return v ? val(*v) : std::nullopt;
}

struct Query {
  const Statement* statement = nullptr;
  std::vector<Value> params;
};

template <class... Args>
Query q(const Statement& statement, Args&&... args) {
  return Query{&statement, {val(std::forward<Args>(args))...}};
}

// A list read: the rows of one page and how many rows match in all.
template <class T>
struct Page {
  std::vector<T> items;
  std::int64_t total = 0;
};

struct Paging {
  std::int64_t limit = 100, offset = 0;
};

// A read described before it runs: its queries (one round trip, one implicit
// read-only transaction) and how their results become the answer. A worker
// runs it with Database::run; a read route may send it from the event loop
// (db::AsyncReader) instead.
template <class T>
struct Read {
  std::vector<Query> queries;
  std::function<T(const std::vector<Result>&)> parse;
};

// A list page: its rows, and the count of all rows that match (column `n`).
template <class T>
Read<Page<T>> page_read(Query rows, Query count) {
  return {{std::move(rows), std::move(count)}, [](const std::vector<Result>& r) {
            return Page<T>{r[0].as<T>(), r[1][0].i64("n")};
          }};
}

class Connection;

// A transaction on one connection. Statements are prepared once per
// connection and reused.
class Tx {
 public:
  Tx(Connection& conn, std::optional<TenantId> tenant, const std::string& time_zone);
  Result exec(const Query& query);
  template <class... Args>
  Result exec(const Statement& statement, Args&&... args) {
    return exec(q(statement, std::forward<Args>(args)...));
  }
  // Several statements in one round trip, results in order; the first
  // failure throws (and the transaction rolls back).
  std::vector<Result> exec_batch(const std::vector<Query>& queries);
  std::optional<TenantId> tenant() const { return tenant_; }
  // The transaction's current_date in its time zone (YYYY-MM-DD).
  std::string today();

 private:
  friend class Database;
  void commit();
  void rollback();
  Connection& conn_;
  std::optional<TenantId> tenant_;
  const std::string& time_zone_;
  bool begun_ = false;
  bool commit_sent_ = false;
};

struct PoolSettings {
  std::string url;
  int size = 16;
  std::chrono::milliseconds acquire_timeout{5000};
  // A round trip slower than this is logged with its statements' names; 0: never.
  std::chrono::milliseconds slow_query{200};
  // Every transaction's TimeZone: what current_date and timestamp→date mean.
  std::string time_zone = "UTC";
};

struct PoolStats {
  int total = 0;
  int idle = 0;
  int busy = 0;
  int waiting = 0;
};

template <class T>
struct is_result : std::false_type {};
template <class T>
struct is_result<mg::Result<T>> : std::true_type {};

class Database {
 public:
  explicit Database(PoolSettings settings);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs `work` in a transaction scoped to `tenant`. Commits when it returns
  // (a Result holding a value, or anything else); rolls back when it returns a
  // Result holding a Failure, or throws — so a refused request leaves the
  // database as it was. Retried once on a new connection when the connection
  // broke before the commit was sent.
  template <class F>
  auto transaction(TenantId tenant, F&& work) {
    return run_tx(std::optional<TenantId>(tenant), std::forward<F>(work));
  }
  // A transaction with no tenant set: tenant tables show nothing; only the
  // narrow SECURITY DEFINER functions answer.
  template <class F>
  auto global(F&& work) {
    return run_tx(std::nullopt, std::forward<F>(work));
  }

  // Read-only queries for one tenant in a single round trip.
  std::vector<Result> read(TenantId tenant, const std::vector<Query>& queries);
  Result read(TenantId tenant, const Query& query);
  template <class T>
  T run(TenantId tenant, const Read<T>& r) {
    return r.parse(read(tenant, r.queries));
  }
  // Several independent reads in one round trip, each its own implicit
  // transaction: one that fails (nullopt) leaves the others their answers.
  std::vector<std::optional<std::vector<Result>>> read_each(
      TenantId tenant, const std::vector<std::vector<Query>>& groups);

  bool ping();
  PoolStats stats() const;
  const std::string& url() const;

 private:
  struct Lease;
  Lease acquire();

  template <class F>
  auto run_tx(std::optional<TenantId> tenant, F&& work) {
    using R = decltype(work(std::declval<Tx&>()));
    if constexpr (std::is_void_v<R>) {
      transact(tenant, [&](Tx& tx) {
        work(tx);
        return true;
      });
    } else {
      std::optional<R> out;
      transact(tenant, [&](Tx& tx) {
        out.emplace(work(tx));
        if constexpr (is_result<R>::value) return out->has_value();
        return true;
      });
      return std::move(*out);
    }
  }
  // `work` answers whether to commit.
  void transact(std::optional<TenantId> tenant, const std::function<bool(Tx&)>& work);

  struct Pool;
  std::unique_ptr<Pool> pool_;
};

}  // namespace mg::db
