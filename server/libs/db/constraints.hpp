#pragma once
// Each store maps its own constraints to domain failures, in one place:
//
//   const db::Constraints kConstraints{
//       {"customers_document_key",
//        fail::conflict("Já existe um cliente com este documento.", {{"document", "já
//        cadastrado"}})}};
//   return kConstraints.guard([&] { return CustomerId{tx.exec(kInsert, …)[0].i64("id")}; });
//
// A violation of a listed constraint becomes its Failure (and the caller's
// transaction rolls back); any other database error goes on as an exception.
#include <initializer_list>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "libs/core/failure.hpp"
#include "libs/db/errors.hpp"

namespace mg::db {

class Constraints {
 public:
  Constraints(std::initializer_list<std::pair<std::string, Failure>> map) : map_(map) {}

  template <class F>
  auto guard(F&& work) const {
    using T = decltype(work());
    using R = mg::Result<T>;
    try {
      if constexpr (std::is_void_v<T>) {
        work();
        return R{};
      } else {
        return R{work()};
      }
    } catch (const Error& e) {
      if (const Failure* f = find(e.constraint())) return R{*f};
      throw;
    }
  }

  const Failure* find(const std::string& constraint) const {
    for (const auto& [name, failure] : map_)
      if (name == constraint) return &failure;
    return nullptr;
  }

 private:
  std::vector<std::pair<std::string, Failure>> map_;
};

}  // namespace mg::db
