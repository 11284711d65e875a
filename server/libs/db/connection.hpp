#pragma once
// One libpq connection kept in pipeline mode: commands are queued with
// `send` and go out together at a sync point, one round trip for the lot.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "libs/db/database.hpp"

struct pg_conn;

namespace mg::db {

class Connection {
 public:
  Connection(const std::string& url, std::chrono::milliseconds slow_query);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  bool broken() const;
  void send(const Query& query);          // prepared under its name on first use
  void send_plain(std::string_view sql);  // BEGIN, COMMIT, ROLLBACK
  // Ends a group of commands: they run as one implicit transaction (or within
  // the open one), independently of the next group.
  void end_group();
  // The results of the oldest unread group, or its first failure; throws
  // ConnectionLost when the connection broke. Send the groups first, then read
  // them all: one round trip however many.
  struct Group {
    std::vector<Result> results;
    std::optional<Error> failure;
  };
  Group read_group();
  // end_group + read_group, throwing the group's failure.
  std::vector<Result> sync();
  // Leaves no transaction open (after a failure in the middle of one).
  void ensure_idle();

 private:
  struct Pending {
    const Statement* prepare = nullptr;  // a Parse of this statement, not a command
    const Statement* statement = nullptr;
  };
  [[noreturn]] void lost(const char* what);
  void log_if_slow(const std::vector<Pending>& group, std::chrono::steady_clock::time_point start);

  pg_conn* conn_ = nullptr;
  std::chrono::milliseconds slow_query_;
  std::unordered_set<const Statement*> prepared_;
  std::vector<Pending> pending_;
  std::vector<std::vector<Pending>> groups_;  // sent, results not read yet
  std::chrono::steady_clock::time_point first_send_{};
};

}  // namespace mg::db
