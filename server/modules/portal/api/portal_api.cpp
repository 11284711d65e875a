// The customer's portal (public, no login): GET /api/portal/{token} and
// POST /api/portal/{token}/decision. Limited per client address; nothing of the
// customer beyond the order's number, status and motorcycle.
#include <set>

#include "modules/portal/api/labels.hpp"
#include "modules/portal/portal_impl.hpp"
#include "modules/portal/store/quotes_store.hpp"

namespace mg::portal {
namespace {

constexpr std::size_t kMaxItems = 500;
constexpr std::size_t kMaxUserAgent = 500;

void throttle(Portal::State& st, const api::Context& ctx) {
  if (auto wait = st.per_address.hit(ctx.request().remote_address))
    throw errors::rate_limited().with_retry_after(*wait);
}

ApiError unknown_link() {
  return errors::not_found("Orçamento não encontrado. Confira o link que você recebeu.");
}

// "2026-12-12T14:03:00Z" → "12/12/2026".
std::string day_pt(std::string_view iso) {
  if (iso.size() < 10) return std::string(iso);
  return std::string(iso.substr(8, 2)) + "/" + std::string(iso.substr(5, 2)) + "/" +
         std::string(iso.substr(0, 4));
}

store::Found find(Portal::State& st, api::Context& ctx) {
  throttle(st, ctx);
  auto found = store::find_by_token(st.db, ctx.path_text("token"));
  if (!found) throw unknown_link();
  return *found;
}

// The public items: what the snapshot froze, nothing else.
json::array public_items(const json::value& snapshot) {
  json::array items;
  if (const auto* list = snapshot.as_object().if_contains("items"); list && list->is_array())
    for (const auto& item : list->as_array()) {
      const auto& i = item.as_object();
      json::object out;
      for (const char* key : {"id", "item_type", "description", "quantity", "unit_price", "total"})
        if (const auto* v = i.if_contains(key)) out[key] = *v;
      items.emplace_back(std::move(out));
    }
  return items;
}

http::Response get_portal(Portal::State& st, api::Context& ctx) {
  const auto found = find(st, ctx);
  auto view = store::read_view(found.tenant, st.db, found.quote);
  if (!view) throw unknown_link();
  if (view->superseded)
    throw ApiError(404, "not_found",
                   "Este link foi substituído por uma versão mais nova do orçamento. Use o "
                   "link mais recente que a oficina enviou.",
                   {{"token", "superseded"}});
  if (view->state == "PENDING" && view->expired)
    throw ApiError(
        404, "not_found",
        "Este orçamento expirou em " + day_pt(view->expires_at) + ". Peça um novo à oficina.",
        {{"token", "expired"}});
  auto snapshot = json::parse(view->snapshot);
  if (!snapshot || !snapshot->is_object()) throw unknown_link();
  const auto& snap = snapshot->as_object();
  json::object motorcycle{{"model", nullptr}, {"plate", nullptr}};
  if (const auto* m = snap.if_contains("motorcycle"); m && m->is_object()) {
    if (const auto* v = m->as_object().if_contains("model")) motorcycle["model"] = *v;
    if (const auto* v = m->as_object().if_contains("plate")) motorcycle["plate"] = *v;
  }
  json::value totals = json::object{};
  if (const auto* t = snap.if_contains("totals")) totals = *t;
  return api::ok(json::object{
      {"workshop", json::object{{"name", view->workshop_name},
                                {"phone", boost::json::value_from(view->workshop_phone)}}},
      {"order", json::object{{"number", view->order_number},
                             {"status", view->order_status},
                             {"motorcycle", std::move(motorcycle)}}},
      {"quote", json::object{{"version", view->version},
                             {"state", view->state},
                             {"expires_at", view->expires_at},
                             {"items", public_items(*snapshot)},
                             {"totals", std::move(totals)}}}});
}

// approved_item_ids*: a list of item ids (possibly empty: nothing approved).
std::set<std::int64_t> read_item_ids(const api::Context& ctx, json::Input& in) {
  std::set<std::int64_t> ids;
  const auto* v = ctx.object().if_contains("approved_item_ids");
  if (!v || v->is_null()) {
    in.fail("approved_item_ids", "obrigatório");
    return ids;
  }
  if (!v->is_array() || v->as_array().size() > kMaxItems) {
    in.fail("approved_item_ids", "deve ser uma lista de ids de itens");
    return ids;
  }
  for (const auto& item : v->as_array()) {
    auto id = item.is_int64() ? std::optional<std::int64_t>(item.as_int64()) : std::nullopt;
    if (!id || *id < 1) {
      in.fail("approved_item_ids", "deve ser uma lista de ids de itens");
      return {};
    }
    ids.insert(*id);
  }
  return ids;
}

http::Response decide(Portal::State& st, api::Context& ctx) {
  const auto found = find(st, ctx);
  auto in = ctx.input(kFieldLabels);
  store::Decision d;
  d.approved_item_ids = read_item_ids(ctx, in);
  auto name = in.text("name", {.required = true, .max_length = 120});
  if (name && name->size() < 2) in.fail("name", "informe seu nome");
  auto accept = in.boolean("accept_terms");
  if (accept != true) in.fail("accept_terms", "é preciso marcar \"Li e aceito\"");
  in.check();
  d.name = *name;
  d.address = ctx.request().remote_address;
  d.user_agent = std::string(ctx.request().header("user-agent").substr(0, kMaxUserAgent));
  auto state =
      st.db
          .transaction(found.tenant,
                       [&](db::Tx& tx) { return store::decide(found.tenant, tx, found.quote, d); })
          .value();
  return api::ok(json::object{{"state", to_string(state)}});
}

}  // namespace

void register_public_routes(api::Routes& routes, Portal::State& state) {
  // Served under /api only: bare /portal/<token> is the web app's page.
  api::Resource(routes, "portal", "/portal")
      .open()
      .get("/{token:str}", api::bind(state, get_portal))
      .post("/{token:str}/decision", api::bind(state, decide));
}

}  // namespace mg::portal
