#include "http/customer_api.hpp"

#include <cstdlib>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "domain/customer_merge.hpp"
#include "http/engine_errors.hpp"

namespace parley::http {
namespace {

using nlohmann::json;
namespace customer_merge = domain::customer_merge;

constexpr size_t kMaxSearch = 100;           // a name, an e-mail or a phone number
constexpr size_t kMaxDetailBytes = 1024;     // one corrected detail
constexpr size_t kMaxBodyBytes = 16 * 1024;  // five details and their names, with room
constexpr size_t kDefaultLimit = 50, kMaxLimit = 200;

std::string dump(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

HttpResponse not_found(const std::string& key) {
  return json_error(404, "customer_not_found", "no customer '" + key + "'");
}

// The body as a JSON object, read only when it is small enough.
bool read_object(const HttpRequest& req, json* out, HttpResponse* error) {
  if (req.body.size() > kMaxBodyBytes) {
    *error = json_error(413, "too_large", "the body is at most 16 KiB of JSON");
    return false;
  }
  *out = json::parse(req.body, nullptr, false);
  if (out->is_discarded() || !out->is_object()) {
    *error = json_error(400, "invalid_json", "the body must be a JSON object");
    return false;
  }
  return true;
}

// The key a record answers for: where the key asked for leads now.
std::string key_of(const json& record, const std::string& asked) {
  return record["customer"].value("customer_key", asked);
}

std::vector<std::string> conversations_of(const json& row) {
  std::vector<std::string> out;
  for (const auto& c : row.value("conversations", json::array()))
    if (c.is_string()) out.push_back(c.get<std::string>());
  return out;
}

HttpResponse list(CustomerApiContext& ctx, const HttpRequest& req) {
  if (auto denied = ctx.auth.deny(req, {Role::sales, Role::admin})) return *denied;
  const std::string q = req.query_value("q");
  if (q.size() > kMaxSearch)
    return json_error(400, "invalid_parameter", "'q' is at most 100 bytes");
  size_t limit = kDefaultLimit;
  if (const auto l = req.query_value("limit"); !l.empty()) {
    char* end = nullptr;
    const long v = std::strtol(l.c_str(), &end, 10);
    if (*end != '\0' || v < 1 || v > static_cast<long>(kMaxLimit))
      return json_error(400, "invalid_parameter", "'limit' must be an integer in [1, 200]");
    limit = static_cast<size_t>(v);
  }
  return json_ok(dump({{"customers", ctx.orders.customer_list(q, limit)}}));
}

HttpResponse get(CustomerApiContext& ctx, const HttpRequest& req) {
  if (auto denied = ctx.auth.deny(req, {Role::sales, Role::admin})) return *denied;
  const std::string key = req.path_params.at("customer_key");
  json row = ctx.orders.customer(key);
  if (row.is_null()) return not_found(key);
  return json_ok(dump(row));
}

// The details to correct, as the conversation's decider takes them; else the 400.
std::optional<HttpResponse> read_details(const json& body, domain::Customer* out) {
  const std::pair<const char*, std::string*> fields[] = {{"name", &out->name},
                                                         {"phone", &out->phone},
                                                         {"email", &out->email},
                                                         {"address", &out->address},
                                                         {"city", &out->city}};
  for (const auto& [member, value] : body.items()) {
    std::string* slot = nullptr;
    for (const auto& [name, s] : fields)
      if (member == name) slot = s;
    if (!slot)
      return json_error(400, "invalid_field",
                        "'" + member + "' is not a detail (name, phone, email, address, city)");
    // A detail is corrected, not removed: an empty one would change nothing.
    if (!value.is_string() || value.get_ref<const std::string&>().empty() ||
        value.get_ref<const std::string&>().size() > kMaxDetailBytes)
      return json_error(400, "invalid_field",
                        "'" + member + "' must be a string of 1 to 1024 bytes");
    *slot = value.get<std::string>();
  }
  if (out->empty())
    return json_error(400, "missing_field",
                      "give at least one of name, phone, email, address, city");
  return std::nullopt;
}

// Each conversation of the customer records the correction; one that
// refuses answers its error (those before it keep theirs: each is its own
// decision, and repeating the request changes nothing more in them).
HttpResponse correct(CustomerApiContext& ctx, const HttpRequest& req) {
  crm::Principal who;
  if (auto denied = ctx.auth.deny(req, {Role::sales, Role::admin}, &who)) return *denied;
  json body;
  HttpResponse error;
  if (!read_object(req, &body, &error)) return error;
  domain::Customer details;
  if (auto bad = read_details(body, &details)) return *bad;
  const std::string key = req.path_params.at("customer_key");
  const json row = ctx.orders.customer(key);
  if (row.is_null()) return not_found(key);
  const int64_t at = ctx.now_us();
  const std::string by = "operator:" + who.username;
  json changed = json::array();
  for (const auto& conversation : conversations_of(row)) {
    actors::ManageConversation command{domain::conversation::CorrectDetails{details, by, at}, at};
    auto r = ctx.engine.command(conversation, command, ctx.timeout);
    if (!r.ok()) return engine_failure(r.error);
    if (r.value.changed) changed.push_back(conversation);
  }
  return json_ok(dump({{"customer_key", key_of(row, key)},
                       {"conversations", changed},
                       {"changed", !changed.empty()}}));
}

HttpResponse refused(const actors::CustomerMergeCommands::Outcome& r) {
  if (r.storage_failed()) return json_error(503, "storage_unavailable", r.message);
  if (r.refused_with(customer_merge::Error::same_customer))
    return json_error(409, "same_customer", "the two keys are one customer");
  return json_error(422, r.error_code(), r.message);
}

// Both keys are read where they lead now (a key merged before names the
// customer it went into), so the log records the customers as they are.
HttpResponse merge(CustomerApiContext& ctx, const HttpRequest& req) {
  crm::Principal who;
  if (auto denied = ctx.auth.deny(req, {Role::sales, Role::admin}, &who)) return *denied;
  json body;
  HttpResponse error;
  if (!read_object(req, &body, &error)) return error;
  for (const auto& [member, value] : body.items())
    if (member != "from") return json_error(400, "invalid_field", "'" + member + "' is not known");
  const auto from_it = body.find("from");
  if (from_it == body.end() || from_it->is_null())
    return json_error(400, "missing_field", "'from' (the customer key to merge) is required");
  if (!from_it->is_string() || !customer_merge::valid_key(from_it->get<std::string>()))
    return json_error(400, "invalid_field",
                      "'from' must be a customer key of 1 to 256 bytes without control characters");
  const std::string into_key = req.path_params.at("customer_key");
  const std::string from_key = from_it->get<std::string>();
  if (from_key == into_key)
    return json_error(409, "same_customer", "a customer cannot be merged into itself");
  const json into = ctx.orders.customer(into_key);
  if (into.is_null()) return not_found(into_key);
  const json from = ctx.orders.customer(from_key);
  if (from.is_null()) return not_found(from_key);
  const std::string into_now = key_of(into, into_key);
  const std::string from_now = key_of(from, from_key);
  if (from_now == into_now)  // merged before: one customer already
    return json_ok(dump({{"customer_key", into_now}, {"merged", from_now}, {"changed", false}}));
  std::vector<std::string> conversations = conversations_of(into);
  for (auto& c : conversations_of(from)) conversations.push_back(std::move(c));
  auto r = ctx.merges.merge(from_now, into_now, conversations, "operator:" + who.username);
  if (!r.ok) return refused(r);
  return json_ok(
      dump({{"customer_key", into_now}, {"merged", from_now}, {"changed", !r.events.empty()}}));
}

}  // namespace

void register_customer_api(Router& router, CustomerApiContext& ctx) {
  router.add("GET", "/api/v1/customers", [&ctx](const HttpRequest& r) { return list(ctx, r); });
  router.add("GET", "/api/v1/customers/{customer_key}",
             [&ctx](const HttpRequest& r) { return get(ctx, r); });
  router.add("PATCH", "/api/v1/customers/{customer_key}",
             [&ctx](const HttpRequest& r) { return correct(ctx, r); });
  router.add("POST", "/api/v1/customers/{customer_key}/merge",
             [&ctx](const HttpRequest& r) { return merge(ctx, r); });
}

}  // namespace parley::http
