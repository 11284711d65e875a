#pragma once
// Numbered SQL migrations compiled into the binary, applied in one
// transaction each under an advisory lock, recorded in schema_migrations.
#include <string>
#include <vector>

namespace mg::db {

struct MigrationStatus {
  std::string name;
  bool applied = false;
};

// All run as the owner role given by `url`.
std::vector<std::string> migrate_up(const std::string& url);               // names applied now
std::vector<std::string> migrate_down(const std::string& url, int steps);  // names rolled back
std::vector<MigrationStatus> migration_status(const std::string& url);

}  // namespace mg::db
