#pragma once
// One libpq connection kept in pipeline mode: commands are queued with
// `send` and go out together with `sync`, one round trip for the lot.
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "libs/db/database.hpp"

struct pg_conn;

namespace mg::db {

class Connection {
 public:
  explicit Connection(const std::string& url);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  bool broken() const;
  void send(const Query& query);          // prepared on first use, then reused
  void send_plain(std::string_view sql);  // BEGIN, COMMIT, ROLLBACK
  // Sends a sync point and returns the results of everything queued since
  // the last one. Throws db::Error (first failure) after reading them all,
  // ConnectionLost when the connection broke.
  std::vector<Result> sync();
  // Leaves no transaction open (after a failure in the middle of one).
  void ensure_idle();

 private:
  struct Pending {
    bool is_prepare = false;
    std::string sql;  // for a prepare: the text, to forget it when it failed
  };
  [[noreturn]] void lost(const char* what);
  pg_conn* conn_ = nullptr;
  std::unordered_map<std::string, std::string> statements_;  // sql → name
  std::vector<Pending> pending_;
};

}  // namespace mg::db
