#pragma once
// Domain events inside the transaction (ARCHITECTURE.md §2, "Events"). A
// module publishes an event from its store, in its own transaction; the
// subscribers of other modules run right there, on the same db::Tx, so the
// change and everything it causes commit together or not at all. A
// subscriber that refuses (returns a Failure) makes publish() return it, and
// the publisher's request fails and rolls back.
//
// Events are plain structs declared in the publishing module's public header
// (modules/workshop/events.hpp: OrderCompleted, …).
#include <functional>
#include <string>
#include <typeindex>
#include <unordered_map>
#include <vector>

#include "libs/core/failure.hpp"

namespace mg::db {
class Tx;
}

namespace mg::events {

class Bus {
 public:
  template <class Event>
  using Handler = std::function<Result<void>(db::Tx&, const Event&)>;

  // Subscribers run in the order they subscribed; `who` names the subscriber
  // in logs and tests.
  template <class Event>
  void subscribe(std::string who, Handler<Event> handler) {
    handlers_[std::type_index(typeid(Event))].push_back(
        {std::move(who), [h = std::move(handler)](db::Tx& tx, const void* e) {
           return h(tx, *static_cast<const Event*>(e));
         }});
  }

  // Runs every subscriber of this event type; the first failure stops the
  // rest and is returned.
  template <class Event>
  Result<void> publish(db::Tx& tx, const Event& event) const {
    auto it = handlers_.find(std::type_index(typeid(Event)));
    if (it == handlers_.end()) return {};
    for (const auto& s : it->second) {
      auto r = s.run(tx, &event);
      if (!r) return r;
    }
    return {};
  }

  template <class Event>
  std::vector<std::string> subscribers() const {
    std::vector<std::string> out;
    if (auto it = handlers_.find(std::type_index(typeid(Event))); it != handlers_.end())
      for (const auto& s : it->second) out.push_back(s.who);
    return out;
  }

 private:
  struct Subscriber {
    std::string who;
    std::function<Result<void>(db::Tx&, const void*)> run;
  };
  std::unordered_map<std::type_index, std::vector<Subscriber>> handlers_;
};

}  // namespace mg::events
