#include "libs/db/async_reader.hpp"

#include <libpq-fe.h>
#include <unistd.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <deque>
#include <unordered_set>

#include "libs/observability/log.hpp"

namespace mg::db {
namespace {

namespace asio = boost::asio;

const Statement kSetTenantReadOnly("db.async_set_tenant_read_only",
                                   "select set_config('app.current_tenant', $1, true), "
                                   "set_config('TimeZone', $2, true), "
                                   "set_config('transaction_read_only', 'on', true)");

std::string field(const PGresult* r, int code) {
  const char* v = PQresultErrorField(r, code);
  return v ? v : "";
}

}  // namespace

struct AsyncReader::Connection : std::enable_shared_from_this<Connection> {
  Connection(asio::io_context& ioc, const PoolSettings& settings)
      : strand(asio::make_strand(ioc)),
        socket(strand),
        url(settings.url),
        time_zone(settings.time_zone),
        slow_query(settings.slow_query) {}

  ~Connection() { close(); }

  struct Step {
    const Statement* prepare = nullptr;    // a Parse, not a command
    const Statement* statement = nullptr;  // a command whose result is the caller's
  };
  struct Group {
    std::vector<Step> steps;
    std::size_t next = 0;       // the step whose result comes next
    bool after_result = false;  // its result came; the NULL that ends it is next
    ReadOutcome outcome;
    std::function<void(ReadOutcome)> done;
    std::chrono::steady_clock::time_point sent;
  };

  // On the strand from here on.

  bool connect() {
    close();
    // Blocking, on the event loop: only at the first read and after a loss,
    // and bounded; named so that an operator (and a test) can tell it apart.
    const char* keys[] = {"dbname", "application_name", "connect_timeout", nullptr};
    const std::string name = "motogestor-reader-" + std::to_string(::getpid());
    const char* values[] = {url.c_str(), name.c_str(), "3", nullptr};
    conn = PQconnectdbParams(keys, values, 1);
    if (PQstatus(conn) != CONNECTION_OK) {
      log::error("async reader: cannot connect", {{"error", PQerrorMessage(conn)}});
      close();
      return false;
    }
    PGresult* r = PQexec(conn, "set plan_cache_mode = force_generic_plan");
    const bool set = PQresultStatus(r) == PGRES_COMMAND_OK;
    PQclear(r);
    if (!set || PQsetnonblocking(conn, 1) != 0 || PQenterPipelineMode(conn) != 1) {
      close();
      return false;
    }
    boost::system::error_code ec;
    socket.assign(::dup(PQsocket(conn)), ec);
    if (ec) {
      close();
      return false;
    }
    prepared.clear();
    return true;
  }

  void close() {
    boost::system::error_code ec;
    if (socket.is_open()) socket.close(ec);
    if (conn) PQfinish(conn);
    conn = nullptr;
    reading = writing = false;
  }

  void submit(TenantId tenant, std::vector<Query> queries, std::function<void(ReadOutcome)> done) {
    if (!conn && !connect()) return fail_one(std::move(done));
    Group g;
    g.done = std::move(done);
    g.sent = std::chrono::steady_clock::now();
    auto send = [&](const Query& q) {
      const Statement& st = *q.statement;
      std::vector<const char*> values;
      values.reserve(q.params.size());
      for (const auto& p : q.params) values.push_back(p ? p->c_str() : nullptr);
      const int n = static_cast<int>(values.size());
      if (!prepared.contains(&st)) {
        if (PQsendPrepare(conn, st.name().c_str(), st.sql().c_str(), n, nullptr) != 1) return false;
        g.steps.push_back({&st, nullptr});
        prepared.insert(&st);
      }
      if (PQsendQueryPrepared(conn, st.name().c_str(), n, values.data(), nullptr, nullptr, 0) != 1)
        return false;
      g.steps.push_back({nullptr, &st});
      return true;
    };
    bool ok = send(q(kSetTenantReadOnly, std::to_string(tenant.value), time_zone));
    for (const auto& query : queries) ok = ok && send(query);
    if (!ok || PQpipelineSync(conn) != 1) {
      groups.push_back(std::move(g));
      return lost("send");
    }
    groups.push_back(std::move(g));
    // The reads submitted in this turn of the loop leave in one write.
    if (!flush_posted) {
      flush_posted = true;
      asio::post(strand, [self = shared_from_this()] {
        self->flush_posted = false;
        if (!self->conn) return;
        self->flush();
        self->wait_readable();
      });
    }
  }

  void flush() {
    const int r = PQflush(conn);
    if (r < 0) return lost("flush");
    if (r == 1 && !writing) {
      writing = true;
      socket.async_wait(asio::posix::stream_descriptor::wait_write,
                        [self = shared_from_this()](boost::system::error_code ec) {
                          self->writing = false;
                          if (ec || !self->conn) return;
                          self->flush();
                        });
    }
  }

  void wait_readable() {
    if (reading || groups.empty()) return;
    reading = true;
    socket.async_wait(asio::posix::stream_descriptor::wait_read,
                      [self = shared_from_this()](boost::system::error_code ec) {
                        self->reading = false;
                        if (ec || !self->conn) return;
                        self->on_readable();
                      });
  }

  void on_readable() {
    if (PQconsumeInput(conn) != 1) return lost("read");
    while (!groups.empty() && !PQisBusy(conn)) {
      PGresult* r = PQgetResult(conn);
      Group& g = groups.front();
      if (g.after_result) {
        // Each command's results end with a NULL.
        if (r) {
          PQclear(r);
          continue;
        }
        g.after_result = false;
        ++g.next;
        continue;
      }
      if (!r) return lost("out of step");
      const auto status = PQresultStatus(r);
      if (status == PGRES_PIPELINE_SYNC) {
        PQclear(r);
        complete();
        continue;
      }
      if (g.next >= g.steps.size()) {
        PQclear(r);
        return lost("out of step");
      }
      const Step& step = g.steps[g.next];
      if (status == PGRES_FATAL_ERROR && !g.outcome.failure)
        g.outcome.failure.emplace(field(r, PG_DIAG_SQLSTATE), field(r, PG_DIAG_CONSTRAINT_NAME),
                                  field(r, PG_DIAG_MESSAGE_PRIMARY));
      const bool ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
      if (step.prepare) {
        if (!ok) prepared.erase(step.prepare);  // never created: prepare again next time
        PQclear(r);
      } else {
        g.outcome.results.emplace_back(r);
      }
      g.after_result = true;
    }
    if (PQstatus(conn) != CONNECTION_OK) return lost("connection lost");
    flush();
    wait_readable();
  }

  void complete() {
    Group g = std::move(groups.front());
    groups.pop_front();
    --in_flight;
    const auto elapsed = std::chrono::steady_clock::now() - g.sent;
    if (slow_query.count() > 0 && elapsed >= slow_query) {
      std::string names;
      for (const auto& s : g.steps)
        if (s.statement) names += (names.empty() ? "" : ",") + s.statement->name();
      log::warn("slow query",
                {{"statements", names},
                 {"duration_ms", std::chrono::duration<double, std::milli>(elapsed).count()}});
    }
    if (!g.outcome.failure && !g.outcome.results.empty())
      g.outcome.results.erase(g.outcome.results.begin());  // the tenant's set_config
    g.done(std::move(g.outcome));
  }

  // The connection broke: every read on it fails (a read is safe to repeat; the caller decides).
  void lost(const char* what) {
    log::warn("async reader: connection lost", {{"during", what}});
    auto pending = std::move(groups);
    groups.clear();
    close();
    for (auto& g : pending) {
      --in_flight;
      g.outcome.lost = true;
      g.outcome.results.clear();
      g.done(std::move(g.outcome));
    }
  }

  void fail_one(std::function<void(ReadOutcome)> done) {
    --in_flight;
    ReadOutcome o;
    o.lost = true;
    done(std::move(o));
  }

  asio::strand<asio::io_context::executor_type> strand;
  asio::posix::stream_descriptor socket;
  std::string url;
  std::string time_zone;
  std::chrono::milliseconds slow_query;
  PGconn* conn = nullptr;
  std::unordered_set<const Statement*> prepared;
  std::deque<Group> groups;
  bool reading = false, writing = false, flush_posted = false;
  std::atomic<int> in_flight{0};  // read from any thread to pick the least busy
};

AsyncReader::AsyncReader(asio::io_context& ioc, const PoolSettings& settings, int connections) {
  for (int i = 0; i < std::max(1, connections); ++i)
    connections_.push_back(std::make_shared<Connection>(ioc, settings));
}

AsyncReader::~AsyncReader() = default;

void AsyncReader::read(TenantId tenant, std::vector<Query> queries,
                       std::function<void(ReadOutcome)> done) {
  auto best = connections_.front();
  for (const auto& c : connections_)
    if (c->in_flight.load() < best->in_flight.load()) best = c;
  ++best->in_flight;
  asio::post(best->strand,
             [best, tenant, queries = std::move(queries), done = std::move(done)]() mutable {
               best->submit(tenant, std::move(queries), std::move(done));
             });
}

}  // namespace mg::db
