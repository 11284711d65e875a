#pragma once
// A private PostgreSQL cluster under <data-dir>/postgres, for running with no
// DATABASE_URL: initdb on first run, unix socket only (no TCP port), the
// owner and application roles created, started and stopped with the server.
// As root it runs as the `postgres` system user (PostgreSQL refuses root).
// When that user cannot reach the data dir (a checkout in root's mode-700
// home), the cluster lives in /var/lib/motogestor/clusters/<hash of the data
// dir> instead, and <data-dir>/postgres.location says where: the user's
// directories keep their permissions.
#include <string>
#include <vector>

namespace mg::db {

class EmbeddedPostgres {
 public:
  explicit EmbeddedPostgres(std::string data_dir);
  ~EmbeddedPostgres();

  void start();  // idempotent; recovers from a stale pid file after a crash
  void stop();

  std::string app_url() const;    // the application role: no superuser, no BYPASSRLS
  std::string owner_url() const;  // owns the tables; runs migrations

 private:
  std::string cluster_dir() const;
  std::string socket_dir() const;
  std::string log_file() const;
  int run(const std::vector<std::string>& argv, const std::string& log) const;
  void create_roles() const;

  std::string data_dir_;
  std::string cluster_root_;  // data_dir_, or the relocated place
  std::string bin_dir_;
  bool as_postgres_user_ = false;
  bool started_here_ = false;
};

}  // namespace mg::db
