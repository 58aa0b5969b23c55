#include "assistant/tool_executor.hpp"

#include <algorithm>

#include "brain/text.hpp"
#include "llm/shop_tools.hpp"

namespace parley::assistant {

namespace conv = domain::conversation;
using domain::Stage;
using domain::product::Product;
using nlohmann::json;

namespace {

constexpr size_t kMaxMedia = 3;
constexpr int64_t kKnowledgeLimit = 3;  // passages when the model names no limit
// Said with an empty search_knowledge result, so the model does not fill the
// gap from what shops usually do.
constexpr const char* kNothingWritten =
    "the shop has written nothing about this: say so honestly and offer to pass the question "
    "to a person; do not guess";
constexpr const char* kAwaitingPayment = "placed";  // until the order worker says more

// The conversation's latest news of `id` (domain::conversation::OrderNote).
domain::conversation::OrderNote note_of(const domain::conversation::State& s,
                                        const std::string& id) {
  auto it = s.order_notes.find(id);
  return it == s.order_notes.end() ? domain::conversation::OrderNote{kAwaitingPayment} : it->second;
}

double units(int64_t cents) {
  return static_cast<double>(cents) / 100.0;
}

ToolResult ok(const json& j) {
  return {false, j.dump(-1, ' ', false, json::error_handler_t::replace)};
}
ToolResult refuse(const std::string& why) {
  return {true, json{{"error", why}}.dump(-1, ' ', false, json::error_handler_t::replace)};
}

std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}

// The option of `options` that `wanted` names, case and accents aside.
std::string option_named(const std::string& wanted, const std::vector<std::string>& options) {
  const std::string w = brain::fold(wanted);
  for (const auto& o : options)
    if (brain::fold(o) == w) return o;
  return "";
}

// How a reply names a passage: the same form the offline brain records.
std::string cite_id(const brain::KnowledgeQuote& q) {
  return q.document_id + ":" + std::to_string(q.line);
}

json passage_json(const brain::KnowledgeQuote& q) {
  json j = {{"cite", cite_id(q)}, {"title", q.title}, {"text", q.text}, {"language", q.language}};
  if (!q.question.empty()) j["question"] = q.question;
  return j;
}

json product_json(const Product& p, size_t position) {
  json j = {{"sku", p.sku},           {"name", p.name},   {"price", units(p.price_cents)},
            {"currency", p.currency}, {"stock", p.stock}, {"in_stock", p.stock > 0}};
  if (position) j["position"] = position;
  if (!p.colors.empty()) j["colors"] = p.colors;
  if (!p.sizes.empty()) j["sizes"] = p.sizes;
  return j;
}

}  // namespace

json cart_json(const conv::State& s) {
  json lines = json::array();
  for (size_t i = 0; i < s.cart.size(); ++i) {
    const auto& l = s.cart[i];
    json line = {{"position", i + 1},
                 {"sku", l.sku},
                 {"name", l.name},
                 {"quantity", l.quantity},
                 {"unit_price", units(l.unit_price_cents)},
                 {"line_total", units(l.total_cents())}};
    if (!l.color.empty()) line["color"] = l.color;
    if (!l.size.empty()) line["size"] = l.size;
    lines.push_back(std::move(line));
  }
  return {{"lines", lines},
          {"total", units(domain::cart_total_cents(s.cart))},
          {"currency", s.cart.empty() ? std::string("EUR") : s.cart.front().currency}};
}

ToolExecutor::ToolExecutor(conv::State state, const brain::Catalog& catalog, int64_t now_us,
                           std::string order_id, const brain::Knowledge* knowledge)
    : state_(std::move(state)),
      catalog_(catalog),
      now_us_(now_us),
      order_id_(std::move(order_id)),
      knowledge_(knowledge) {}

bool ToolExecutor::apply(const conv::Command& c, std::string* refused) {
  auto r = conv::decide(state_, c);
  if (!r) {
    if (refused) *refused = conv::to_string(r.error());
    return false;
  }
  for (auto& e : r.value()) state_ = conv::evolve(std::move(state_), e);
  commands_.push_back(c);
  return true;
}

void ToolExecutor::show_media(const Product& p) {
  if (p.image_url.empty() || media_.size() >= kMaxMedia) return;
  for (const auto& m : media_)
    if (m.url == p.image_url) return;
  media_.push_back({p.image_url, p.name});
}

ToolResult ToolExecutor::run(const llm::ToolCall& call) {
  if (!call.valid())
    return refuse("the arguments are not a JSON object: " + call.invalid_arguments.substr(0, 200));
  if (auto why = llm::check_arguments(llm::shop_tools(), call); !why.empty()) return refuse(why);
  const json& a = call.arguments;
  if (call.name == "search_products") return search_products(a);
  if (call.name == "get_product_details") return get_product_details(a);
  if (call.name == "add_to_cart") return add_to_cart(a);
  if (call.name == "view_cart") return view_cart();
  if (call.name == "remove_from_cart") return remove_from_cart(a);
  if (call.name == "create_order") return create_order(a);
  if (call.name == "get_payment_link") return get_payment_link(a);
  if (call.name == "check_order_status") return check_order_status(a);
  if (call.name == "search_knowledge") return search_knowledge(a);
  return refuse("no tool named " + call.name);
}

ToolResult ToolExecutor::search_products(const json& a) {
  const std::string query = a.at("query").get<std::string>();
  const size_t limit = static_cast<size_t>(a.value("limit", int64_t{5}));
  auto found = catalog_.find_products(query, limit);
  apply(conv::RecordSearch{query, static_cast<uint32_t>(found.size())});
  json results = json::array();
  std::vector<std::string> skus;
  for (size_t i = 0; i < found.size(); ++i) {
    results.push_back(product_json(*found[i], i + 1));
    skus.push_back(found[i]->sku);
    show_media(*found[i]);
  }
  if (!skus.empty()) {
    apply(conv::ShowProducts{skus, "", ""});
    apply(conv::SetStage{Stage::discovery});
  }
  return ok({{"query", query}, {"count", found.size()}, {"results", results}});
}

ToolResult ToolExecutor::get_product_details(const json& a) {
  const std::string sku = a.at("sku").get<std::string>();
  const Product* p = catalog_.find(sku);
  if (!p) return refuse("no product with sku " + sku + "; use search_products to find one");
  json j = product_json(*p, 0);
  j["description"] = p->description;
  j["category"] = p->category;
  show_media(*p);
  apply(conv::SetStage{Stage::consultation});
  return ok(j);
}

ToolResult ToolExecutor::add_to_cart(const json& a) {
  const std::string sku = a.at("sku").get<std::string>();
  const int64_t qty = a.value("quantity", int64_t{1});
  const Product* p = catalog_.find(sku);
  if (!p) return refuse("no product with sku " + sku + "; use search_products to find one");
  if (p->stock <= 0) return refuse(p->name + " is sold out");
  const domain::CartLine* existing = state_.line(sku);
  if (qty + (existing ? existing->quantity : 0) > p->stock)
    return refuse("only " + std::to_string(p->stock) + " of " + p->name + " in stock");
  domain::CartLine line = brain::cart_line_for(*p, qty);
  if (a.contains("size")) {
    line.size = option_named(a["size"].get<std::string>(), p->sizes);
    if (line.size.empty())
      return refuse(p->name + " has no size " + a["size"].get<std::string>() +
                    "; sizes: " + joined(p->sizes));
  }
  if (a.contains("color")) {
    line.color = option_named(a["color"].get<std::string>(), p->colors);
    if (line.color.empty())
      return refuse(p->name + " has no colour " + a["color"].get<std::string>() +
                    "; colours: " + joined(p->colors));
  }
  // The model asks the shopper first: the cart never holds a line it cannot ship.
  if (line.needs_size())
    return refuse("ask the shopper for the size of " + p->name + ": " + joined(p->sizes));
  if (line.needs_color())
    return refuse("ask the shopper for the colour of " + p->name + ": " + joined(p->colors));
  std::string why;
  if (!apply(conv::AddItem{line}, &why)) return refuse(why);
  apply(conv::SetStage{Stage::cart});
  return ok({{"added", {{"sku", sku}, {"name", p->name}, {"quantity", qty}}},
             {"cart", cart_json(state_)}});
}

ToolResult ToolExecutor::view_cart() {
  return ok(cart_json(state_));
}

ToolResult ToolExecutor::remove_from_cart(const json& a) {
  const std::string sku = a.at("sku").get<std::string>();
  std::string why;
  if (!apply(conv::RemoveItem{sku}, &why)) return refuse(sku + ": " + why);
  return ok({{"removed", sku}, {"cart", cart_json(state_)}});
}

ToolResult ToolExecutor::create_order(const json& a) {
  if (state_.cart.empty()) return refuse("the cart is empty");
  domain::Customer c;
  c.name = a.at("name").get<std::string>();
  c.phone = a.at("phone").get<std::string>();
  c.email = a.at("email").get<std::string>();
  c.address = a.at("address").get<std::string>();
  c.city = a.at("city").get<std::string>();
  for (const auto& l : state_.cart)
    if (l.needs_size() || l.needs_color())
      return refuse("choose the " + std::string(l.needs_size() ? "size" : "colour") + " of " +
                    l.name + " first");
  // All or nothing: commands are kept only when the order is placed.
  const auto saved_state = state_;
  const auto saved_commands = commands_.size();
  auto undo = [&](const std::string& why) {
    state_ = saved_state;
    commands_.resize(saved_commands);
    return refuse(why);
  };
  std::string why;
  if (!state_.checkout_open && !apply(conv::StartCheckout{}, &why)) return undo(why);
  apply(conv::SetStage{Stage::checkout});
  if (!apply(conv::ProvideDetails{c}, &why)) return undo(why);
  if (!apply(conv::RequestConfirmation{}, &why)) return undo(why);
  const std::string id = order_id_;
  domain::order::Order order;
  order.order_id = id;
  order.conversation_id = state_.id;
  order.customer = state_.customer;
  order.lines = state_.cart;
  order.currency = state_.cart.front().currency;
  order.placed_at_us = now_us_;
  const std::string promo = state_.promo ? state_.promo->code : "";
  if (!apply(conv::PlaceOrder{id}, &why)) return undo(why);
  // Priced as the conversation decider placed it: a promotion the shopper's
  // code applied is in the total the order was placed at.
  order.total_cents = state_.last_order_total_cents;
  order.discount_cents = domain::cart_total_cents(order.lines) - order.total_cents;
  order.promo_code = order.discount_cents > 0 ? promo : "";
  apply(conv::SetStage{Stage::closing});
  order_ = order;
  return ok({{"order_id", id},
             {"total", units(order.total_cents)},
             {"currency", order.currency},
             {"status", kAwaitingPayment}});
}

ToolResult ToolExecutor::get_payment_link(const json& a) {
  const std::string id = a.at("order_id").get<std::string>();
  if (std::find(state_.orders.begin(), state_.orders.end(), id) == state_.orders.end())
    return refuse("no order " + id + " in this conversation");
  const auto note = note_of(state_, id);
  json j = {{"order_id", id}, {"status", note.status}};
  j["payment_url"] = note.payment_url.empty() ? json(nullptr) : json(note.payment_url);
  j["instructions"] = !note.payment_instructions.empty() ? note.payment_instructions
                      : note.status == "placed" || note.status == "awaiting_payment"
                          ? "payment instructions will be sent in this chat shortly"
                          : "nothing to pay";
  if (id == state_.orders.back()) {
    j["amount"] = units(state_.last_order_total_cents);
    j["currency"] = state_.last_order_currency;
  }
  return ok(j);
}

ToolResult ToolExecutor::check_order_status(const json& a) {
  if (state_.orders.empty()) return ok({{"orders", json::array()}});
  const std::string id = a.value("order_id", state_.orders.back());
  if (std::find(state_.orders.begin(), state_.orders.end(), id) == state_.orders.end())
    return refuse("no order " + id + " in this conversation");
  const auto note = note_of(state_, id);
  json j = {{"order_id", id}, {"status", note.status}};
  if (!note.tracking.empty()) j["tracking"] = note.tracking;
  if (id == state_.orders.back()) {
    j["total"] = units(state_.last_order_total_cents);
    j["currency"] = state_.last_order_currency;
  }
  return ok(j);
}

// Reads only: the conversation is left as it was (RecordSearch is the
// catalog's; a question about delivery is not a product search).
ToolResult ToolExecutor::search_knowledge(const json& a) {
  const std::string query = a.at("query").get<std::string>();
  const size_t limit = static_cast<size_t>(a.value("limit", kKnowledgeLimit));
  std::vector<brain::KnowledgeQuote> found;
  if (knowledge_) found = knowledge_->passages(query, state_.language, limit);
  json results = json::array();
  for (const auto& q : found) {
    results.push_back(passage_json(q));
    const std::string id = cite_id(q);
    if (std::find(knowledge_cites_.begin(), knowledge_cites_.end(), id) == knowledge_cites_.end())
      knowledge_cites_.push_back(id);
  }
  json j = {{"query", query}, {"count", found.size()}, {"results", results}};
  if (found.empty()) j["note"] = kNothingWritten;
  return ok(j);
}

}  // namespace parley::assistant
