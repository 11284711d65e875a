#include "libs/db/database.hpp"

#include <condition_variable>
#include <mutex>

#include "libs/db/connection.hpp"

namespace mg::db {
namespace {
const Statement kSetTenant("db.set_tenant",
                           "select set_config('app.current_tenant', $1, true), "
                           "set_config('TimeZone', $2, true)");
const Statement kSetTimeZone("db.set_time_zone", "select set_config('TimeZone', $1, true)");
// A read needs no BEGIN/COMMIT: in pipeline mode the statements up to a sync
// run as one implicit transaction, which the tenant setting lasts for. One
// statement sets the tenant, the time zone and read-only mode.
const Statement kSetTenantReadOnly("db.set_tenant_read_only",
                                   "select set_config('app.current_tenant', $1, true), "
                                   "set_config('TimeZone', $2, true), "
                                   "set_config('transaction_read_only', 'on', true)");
const Statement kPing("db.ping", "select 1");
const Statement kToday("db.today", "select to_char(current_date, 'YYYY-MM-DD') as today");
}  // namespace

struct Database::Pool {
  PoolSettings settings;
  mutable std::mutex mutex;
  std::condition_variable available;
  std::vector<std::unique_ptr<Connection>> idle;
  int total = 0;
  int waiting = 0;
};

// A connection out of the pool; back in on destruction, or dropped when
// broken so the next lease connects again (the database may have restarted).
struct Database::Lease {
  Pool* pool;
  std::unique_ptr<Connection> conn;

  Lease(Pool* p, std::unique_ptr<Connection> c) : pool(p), conn(std::move(c)) {}
  Lease(Lease&& o) noexcept : pool(o.pool), conn(std::move(o.conn)) {}
  ~Lease() {
    if (!pool) return;
    bool keep = conn && !conn->broken();
    if (keep) {
      try {
        conn->ensure_idle();
      } catch (const std::exception&) {
        keep = false;
      }
    }
    std::lock_guard lock(pool->mutex);
    if (keep && !conn->broken()) {
      pool->idle.push_back(std::move(conn));
    } else {
      conn.reset();
      --pool->total;
    }
    pool->available.notify_one();
  }
  void drop() {
    // Close now, outside the pool lock; the destructor accounts for it.
    conn.reset();
  }
};

Database::Database(PoolSettings settings) : pool_(std::make_unique<Pool>()) {
  pool_->settings = std::move(settings);
}

Database::~Database() = default;

const std::string& Database::url() const {
  return pool_->settings.url;
}

Database::Lease Database::acquire() {
  std::unique_lock lock(pool_->mutex);
  ++pool_->waiting;
  bool ok = pool_->available.wait_for(lock, pool_->settings.acquire_timeout, [this] {
    return !pool_->idle.empty() || pool_->total < pool_->settings.size;
  });
  --pool_->waiting;
  if (!ok) throw ConnectionLost("timed out waiting for a database connection");
  if (!pool_->idle.empty()) {
    auto conn = std::move(pool_->idle.back());
    pool_->idle.pop_back();
    return Lease(pool_.get(), std::move(conn));
  }
  ++pool_->total;
  lock.unlock();
  try {
    return Lease(pool_.get(),
                 std::make_unique<Connection>(pool_->settings.url, pool_->settings.slow_query));
  } catch (...) {
    std::lock_guard relock(pool_->mutex);
    --pool_->total;
    pool_->available.notify_one();
    throw;
  }
}

Tx::Tx(Connection& conn, std::optional<TenantId> tenant, const std::string& time_zone)
    : conn_(conn), tenant_(tenant), time_zone_(time_zone) {}

Result Tx::exec(const Query& query) {
  return exec_batch({query}).back();
}

std::vector<Result> Tx::exec_batch(const std::vector<Query>& queries) {
  std::size_t prelude = 0;
  if (!begun_) {
    // BEGIN, the tenant and the time zone travel with the first statements.
    conn_.send_plain("BEGIN");
    conn_.send(tenant_ ? q(kSetTenant, std::to_string(tenant_->value), time_zone_)
                       : q(kSetTimeZone, time_zone_));
    prelude += 2;
    begun_ = true;
  }
  for (const auto& query : queries) conn_.send(query);
  auto results = conn_.sync();
  results.erase(results.begin(), results.begin() + static_cast<std::ptrdiff_t>(prelude));
  return results;
}

std::string Tx::today() {
  return exec(q(kToday))[0].str("today");
}

void Tx::commit() {
  if (!begun_) return;
  commit_sent_ = true;
  conn_.send_plain("COMMIT");
  conn_.sync();
}

void Tx::rollback() {
  if (!begun_) return;
  conn_.ensure_idle();
}

void Database::transact(std::optional<TenantId> tenant, const std::function<bool(Tx&)>& work) {
  for (int attempt = 0;; ++attempt) {
    Lease lease = acquire();
    Tx tx(*lease.conn, tenant, pool_->settings.time_zone);
    try {
      if (work(tx)) {
        tx.commit();
      } else {
        tx.rollback();
      }
      return;
    } catch (const ConnectionLost&) {
      lease.drop();
      if (attempt == 0 && !tx.commit_sent_) continue;
      throw;
    } catch (...) {
      try {
        tx.rollback();
      } catch (const ConnectionLost&) {
        lease.drop();
      }
      throw;
    }
  }
}

std::vector<std::optional<std::vector<Result>>> Database::read_each(
    TenantId tenant, const std::vector<std::vector<Query>>& groups) {
  for (int attempt = 0;; ++attempt) {
    Lease lease = acquire();
    Connection& c = *lease.conn;
    try {
      const auto tenant_text = std::to_string(tenant.value);
      for (const auto& group : groups) {
        c.send(q(kSetTenantReadOnly, tenant_text, pool_->settings.time_zone));
        for (const auto& query : group) c.send(query);
        c.end_group();
      }
      std::vector<std::optional<std::vector<Result>>> out;
      out.reserve(groups.size());
      for (std::size_t i = 0; i < groups.size(); ++i) {
        auto g = c.read_group();
        if (g.failure) {
          out.emplace_back(std::nullopt);
        } else {
          g.results.erase(g.results.begin());
          out.emplace_back(std::move(g.results));
        }
      }
      return out;
    } catch (const ConnectionLost&) {
      lease.drop();
      if (attempt == 0) continue;  // a read is safe to repeat
      throw;
    }
  }
}

std::vector<Result> Database::read(TenantId tenant, const std::vector<Query>& queries) {
  for (int attempt = 0;; ++attempt) {
    Lease lease = acquire();
    Connection& c = *lease.conn;
    try {
      c.send(q(kSetTenantReadOnly, std::to_string(tenant.value), pool_->settings.time_zone));
      for (const auto& query : queries) c.send(query);
      auto results = c.sync();
      return std::vector<Result>(results.begin() + 1, results.end());
    } catch (const ConnectionLost&) {
      lease.drop();
      if (attempt == 0) continue;  // a read is safe to repeat
      throw;
    }
  }
}

Result Database::read(TenantId tenant, const Query& query) {
  return read(tenant, std::vector<Query>{query}).front();
}

bool Database::ping() {
  // Twice: the first try may meet a connection the database closed.
  for (int attempt = 0; attempt < 2; ++attempt) {
    try {
      Lease lease = acquire();
      lease.conn->send(q(kPing));
      lease.conn->sync();
      return true;
    } catch (const std::exception&) {
    }
  }
  return false;
}

PoolStats Database::stats() const {
  std::lock_guard lock(pool_->mutex);
  PoolStats s;
  s.total = pool_->total;
  s.idle = static_cast<int>(pool_->idle.size());
  s.busy = s.total - s.idle;
  s.waiting = pool_->waiting;
  return s;
}

}  // namespace mg::db
