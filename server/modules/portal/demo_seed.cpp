// The demo workshop's quotes: one waiting for the customer (its link is logged, to try the
// portal), one approved whole, and one approved in part, whose declined work stays on the
// motorcycle to offer again. They go through the same store operations as the API and the
// portal page, at the moment of the seed: a quote's times are part of its evidence (the
// snapshot and its SHA-256), so they are never moved into the past.
#include <algorithm>

#include <spdlog/spdlog.h>

#include "modules/portal/portal_impl.hpp"
#include "modules/portal/store/demo_store.hpp"
#include "modules/portal/store/quotes_store.hpp"
#include "modules/workshop/workshop.hpp"

namespace mg::portal {
namespace {

// A documentation address (RFC 5737) and a phone's browser, as the portal records them.
constexpr const char* kAddress = "203.0.113.7";
constexpr const char* kUserAgent =
    "Mozilla/5.0 (Linux; Android 14; SM-A155M) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Mobile Safari/537.36";

struct DemoQuote {
  std::int64_t order_number;
  bool decided;
  const char* declined;  // the description of the item the customer declines, if any
};
// #11 and #12 are in progress, #15 is open (the workshop's demo orders).
constexpr DemoQuote kQuotes[] = {
    {11, true, nullptr},
    {12, true, "Lubrificação da corrente"},
    {15, false, nullptr},
};

}  // namespace

void seed_demo_data(Portal::State& st, TenantId tenant, db::Tx& tx, UserId user) {
  // A failure here is a bug in the demo data: .value() lets it surface.
  store::save_phone(tenant, tx, "1132104567");
  const auto orders = store::demo_orders(tenant, tx);
  for (const auto& q : kQuotes) {
    const auto order = std::find_if(orders.begin(), orders.end(),
                                    [&](const auto& o) { return o.number == q.order_number; });
    if (order == orders.end()) continue;
    const auto sent =
        store::send_quote(tenant, tx, st.bus,
                          {order->id, 10, std::nullopt, user, st.settings.public_base_url})
            .value();
    if (!q.decided) {
      spdlog::info("demo: the quote of OS #{} waits for the customer at {}", q.order_number,
                   sent.url);
      continue;
    }
    store::Decision d;
    d.name = order->customer_name;
    d.address = kAddress;
    d.user_agent = kUserAgent;
    const auto source = workshop::lock_order_for_quote(tenant, tx, order->id);
    for (const auto& item : source->items)
      if (!q.declined || item.description != q.declined) d.approved_item_ids.insert(item.id.value);
    store::decide(tenant, tx, store::current_quote(tenant, tx, order->id), d).value();
  }
}

}  // namespace mg::portal
