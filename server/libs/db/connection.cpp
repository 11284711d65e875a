#include "libs/db/connection.hpp"

#include <libpq-fe.h>

#include "libs/observability/log.hpp"

namespace mg::db {
namespace {

std::string field(const PGresult* r, int code) {
  const char* v = PQresultErrorField(r, code);
  return v ? v : "";
}

}  // namespace

Connection::Connection(const std::string& url, std::chrono::milliseconds slow_query)
    : slow_query_(slow_query) {
  conn_ = PQconnectdb(url.c_str());
  if (PQstatus(conn_) != CONNECTION_OK) {
    std::string message = PQerrorMessage(conn_);
    PQfinish(conn_);
    conn_ = nullptr;
    throw ConnectionLost("cannot connect to PostgreSQL: " + message);
  }
  // Every statement is prepared once and scoped to one tenant by RLS: a
  // generic plan fits them all, and planning each call again (what "auto"
  // does while custom plans look cheaper) costs more than the query.
  PGresult* r = PQexec(conn_, "set plan_cache_mode = force_generic_plan");
  const bool set = PQresultStatus(r) == PGRES_COMMAND_OK;
  PQclear(r);
  if (!set) lost("cannot configure the session");
  if (PQenterPipelineMode(conn_) != 1) lost("cannot enter pipeline mode");
}

Connection::~Connection() {
  if (conn_) PQfinish(conn_);
}

bool Connection::broken() const {
  return !conn_ || PQstatus(conn_) != CONNECTION_OK;
}

void Connection::lost(const char* what) {
  pending_.clear();
  groups_.clear();
  throw ConnectionLost(std::string(what) + ": " +
                       (conn_ ? PQerrorMessage(conn_) : "no connection"));
}

void Connection::send(const Query& query) {
  if (pending_.empty() && groups_.empty()) first_send_ = std::chrono::steady_clock::now();
  const Statement& st = *query.statement;
  std::vector<const char*> values;
  values.reserve(query.params.size());
  for (const auto& p : query.params) values.push_back(p ? p->c_str() : nullptr);
  const int n = static_cast<int>(values.size());
  if (!prepared_.contains(&st)) {
    if (PQsendPrepare(conn_, st.name().c_str(), st.sql().c_str(), n, nullptr) != 1)
      lost("send prepare");
    pending_.push_back({&st, nullptr});
    prepared_.insert(&st);
  }
  if (PQsendQueryPrepared(conn_, st.name().c_str(), n, values.data(), nullptr, nullptr, 0) != 1)
    lost("send query");
  pending_.push_back({nullptr, &st});
}

void Connection::send_plain(std::string_view sql) {
  if (pending_.empty() && groups_.empty()) first_send_ = std::chrono::steady_clock::now();
  std::string text(sql);
  if (PQsendQueryParams(conn_, text.c_str(), 0, nullptr, nullptr, nullptr, nullptr, 0) != 1)
    lost("send command");
  pending_.push_back({nullptr, nullptr});
}

void Connection::end_group() {
  if (PQpipelineSync(conn_) != 1) lost("send sync");
  groups_.push_back(std::move(pending_));
  pending_.clear();
}

Connection::Group Connection::read_group() {
  if (groups_.empty()) return {};
  auto group = std::move(groups_.front());
  groups_.erase(groups_.begin());
  Group out;
  out.results.reserve(group.size());
  for (const auto& p : group) {
    PGresult* r = PQgetResult(conn_);
    if (!r) lost("connection closed while reading results");
    ExecStatusType st = PQresultStatus(r);
    Result result(r);
    if (st == PGRES_FATAL_ERROR && !out.failure) {
      out.failure.emplace(field(r, PG_DIAG_SQLSTATE), field(r, PG_DIAG_CONSTRAINT_NAME),
                          field(r, PG_DIAG_MESSAGE_PRIMARY));
    }
    if (st == PGRES_FATAL_ERROR && broken()) lost("connection lost");
    const bool ok = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK;
    if (p.prepare) {
      if (!ok) prepared_.erase(p.prepare);  // never created: prepare again next time
    } else {
      out.results.push_back(std::move(result));
    }
    // Each command's results end with a null.
    while (PGresult* extra = PQgetResult(conn_)) PQclear(extra);
  }
  PGresult* s = PQgetResult(conn_);
  if (!s) lost("connection closed before sync");
  const bool synced = PQresultStatus(s) == PGRES_PIPELINE_SYNC;
  PQclear(s);
  if (!synced) lost("pipeline out of step");
  if (groups_.empty()) log_if_slow(group, first_send_);
  return out;
}

std::vector<Result> Connection::sync() {
  end_group();
  auto group = read_group();
  if (group.failure) throw *group.failure;
  return std::move(group.results);
}

void Connection::log_if_slow(const std::vector<Pending>& group,
                             std::chrono::steady_clock::time_point start) {
  if (slow_query_.count() <= 0) return;
  const auto elapsed = std::chrono::steady_clock::now() - start;
  if (elapsed < slow_query_) return;
  std::string names;
  for (const auto& p : group)
    if (p.statement) names += (names.empty() ? "" : ",") + p.statement->name();
  log::warn("slow query",
            {{"statements", names},
             {"duration_ms", std::chrono::duration<double, std::milli>(elapsed).count()}});
}

void Connection::ensure_idle() {
  if (broken()) return;
  while (!groups_.empty()) read_group();
  if (PQtransactionStatus(conn_) == PQTRANS_IDLE) return;
  send_plain("ROLLBACK");
  try {
    sync();
  } catch (const Error&) {
  }
}

}  // namespace mg::db
