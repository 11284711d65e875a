#include "libs/db/connection.hpp"

#include <libpq-fe.h>

#include <optional>

namespace mg::db {
namespace {

std::string field(const PGresult* r, int code) {
  const char* v = PQresultErrorField(r, code);
  return v ? v : "";
}

}  // namespace

Connection::Connection(const std::string& url) {
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
  throw ConnectionLost(std::string(what) + ": " +
                       (conn_ ? PQerrorMessage(conn_) : "no connection"));
}

void Connection::send(const Query& query) {
  std::vector<const char*> values;
  values.reserve(query.params.size());
  for (const auto& p : query.params) values.push_back(p ? p->c_str() : nullptr);
  const int n = static_cast<int>(values.size());

  auto it = statements_.find(std::string(query.sql));
  if (it == statements_.end()) {
    std::string name = "s" + std::to_string(statements_.size() + 1);
    std::string sql(query.sql);
    if (PQsendPrepare(conn_, name.c_str(), sql.c_str(), n, nullptr) != 1) lost("send prepare");
    pending_.push_back({true, sql});
    it = statements_.emplace(std::move(sql), std::move(name)).first;
  }
  if (PQsendQueryPrepared(conn_, it->second.c_str(), n, values.data(), nullptr, nullptr, 0) != 1)
    lost("send query");
  pending_.push_back({false, {}});
}

void Connection::send_plain(std::string_view sql) {
  std::string text(sql);
  if (PQsendQueryParams(conn_, text.c_str(), 0, nullptr, nullptr, nullptr, nullptr, 0) != 1)
    lost("send command");
  pending_.push_back({false, {}});
}

std::vector<Result> Connection::sync() {
  if (PQpipelineSync(conn_) != 1) lost("send sync");
  std::vector<Result> results;
  results.reserve(pending_.size());
  std::optional<Error> failure;
  auto pending = std::move(pending_);
  pending_.clear();
  for (const auto& p : pending) {
    PGresult* r = PQgetResult(conn_);
    if (!r) lost("connection closed while reading results");
    ExecStatusType st = PQresultStatus(r);
    Result result(r);
    if (st == PGRES_FATAL_ERROR && !failure) {
      failure.emplace(field(r, PG_DIAG_SQLSTATE), field(r, PG_DIAG_CONSTRAINT_NAME),
                      field(r, PG_DIAG_MESSAGE_PRIMARY));
    }
    if (st == PGRES_FATAL_ERROR && broken()) lost("connection lost");
    bool ok = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK;
    if (p.is_prepare) {
      if (!ok) statements_.erase(p.sql);  // never created: prepare again next time
    } else {
      results.push_back(std::move(result));
    }
    // Each command's results end with a null.
    while (PGresult* extra = PQgetResult(conn_)) PQclear(extra);
  }
  PGresult* s = PQgetResult(conn_);
  if (!s) lost("connection closed before sync");
  bool synced = PQresultStatus(s) == PGRES_PIPELINE_SYNC;
  PQclear(s);
  if (!synced) lost("pipeline out of step");
  if (failure) throw *failure;
  return results;
}

void Connection::ensure_idle() {
  if (broken()) return;
  if (PQtransactionStatus(conn_) == PQTRANS_IDLE) return;
  send_plain("ROLLBACK");
  try {
    sync();
  } catch (const Error&) {
  }
}

}  // namespace mg::db
