#include "libs/db/statement.hpp"

#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>

namespace mg::db {
namespace {

struct Registry {
  std::mutex mutex;
  std::map<std::string, std::string, std::less<>> sql_by_name;
  std::map<std::string, std::unique_ptr<Statement>, std::less<>> interned;
};

Registry& registry() {
  static Registry r;
  return r;
}

// Two statements may not share a name: the second would run the first's SQL
// on a connection that prepared it first.
void claim(const std::string& name, const std::string& sql) {
  auto& r = registry();
  std::lock_guard lock(r.mutex);
  auto [it, fresh] = r.sql_by_name.emplace(name, sql);
  if (!fresh && it->second != sql) throw std::logic_error("two statements named " + name);
}

}  // namespace

Statement::Statement(std::string_view name, std::string_view sql)
    : name_(name), sql_("/* " + name_ + " */ " + std::string(sql)) {
  claim(name_, sql_);
}

const Statement& intern(std::string_view name, std::string_view sql) {
  auto& r = registry();
  {
    std::lock_guard lock(r.mutex);
    if (auto it = r.interned.find(name); it != r.interned.end()) return *it->second;
  }
  auto made = std::make_unique<Statement>(name, sql);
  std::lock_guard lock(r.mutex);
  auto [it, fresh] = r.interned.emplace(std::string(name), std::move(made));
  return *it->second;
}

}  // namespace mg::db
