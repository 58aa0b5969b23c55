#include "events/promotion_codec.hpp"

#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>

#include "events/envelope_json.hpp"
#include "events/promotion_json.hpp"
#include "events/schema_table.hpp"

namespace parley::events::promotion_codec {
using nlohmann::json;

namespace {

// Every event here carries its own time (TimedSchema, events/schema_table.hpp).
template <class E>
using Timed = TimedSchema<E>;

template <class E>
struct Schema;
template <>
struct Schema<promotion::PromotionSaved> : Timed<promotion::PromotionSaved> {
  static constexpr const char* kType = types::kSaved;
  static json to(const promotion::PromotionSaved& e) {
    json j = stored_json(e.promotion);
    j["by"] = e.by;
    return j;
  }
  static promotion::PromotionSaved from(const json& p, const EventEnvelope& env) {
    return {stored_promotion(p), p.value("by", ""), env.timestamp_us};
  }
};
template <>
struct Schema<promotion::PromotionEnded> : Timed<promotion::PromotionEnded> {
  static constexpr const char* kType = types::kEnded;
  static json to(const promotion::PromotionEnded& e) { return {{"by", e.by}}; }
  static promotion::PromotionEnded from(const json& p, const EventEnvelope& env) {
    return {p.value("by", ""), env.timestamp_us};
  }
};
using Table = SchemaTable<promotion::Event, Schema>;

// ---- the API's shape ------------------------------------------------------

constexpr const char* kTimeExample = "2026-12-01T00:00:00Z";

Status invalid(const char* field, const std::string& why) {
  return Status::InvalidArgument(std::string("'") + field + "' " + why);
}

json time_json(int64_t us) {
  return us == 0 ? json(nullptr) : json(format_timestamp(us));
}

std::optional<Status> read_string(const json& j, const char* field, std::string* out,
                                  bool required) {
  auto it = j.find(field);
  if (it == j.end() || it->is_null())
    return required ? std::optional<Status>(invalid(field, "is required")) : std::nullopt;
  if (!it->is_string()) return invalid(field, "must be a string");
  *out = it->get<std::string>();
  return std::nullopt;
}

std::optional<Status> read_list(const json& j, const char* field, std::vector<std::string>* out) {
  auto it = j.find(field);
  if (it == j.end() || it->is_null()) return std::nullopt;
  if (!it->is_array()) return invalid(field, "must be an array of strings");
  for (const auto& v : *it) {
    if (!v.is_string()) return invalid(field, "must be an array of strings");
    out->push_back(v.get<std::string>());
  }
  return std::nullopt;
}

std::optional<Status> read_integer(const json& j, const char* field, int64_t* out) {
  auto it = j.find(field);
  if (it == j.end() || it->is_null()) return std::nullopt;
  if (!it->is_number_integer()) return invalid(field, "must be an integer");
  // Past int64 the conversion would wrap round to a negative.
  if (it->is_number_unsigned() && it->get<uint64_t>() > static_cast<uint64_t>(INT64_MAX))
    return invalid(field, "is out of range");
  *out = it->get<int64_t>();
  return std::nullopt;
}

// "amount_cents" when given, else "amount" in units (5.5 is 550 cents).
std::optional<Status> read_amount(const json& j, int64_t* out) {
  if (j.contains("amount_cents") && !j.at("amount_cents").is_null())
    return read_integer(j, "amount_cents", out);
  auto it = j.find("amount");
  if (it == j.end() || it->is_null()) return std::nullopt;
  if (!it->is_number()) return invalid("amount", "must be a number");
  const double amount = it->get<double>();
  if (!(std::fabs(amount) <= 1e12))  // also NaN; llround is undefined past int64
    return invalid("amount", "is out of range");
  *out = static_cast<int64_t>(std::llround(amount * 100));
  return std::nullopt;
}

// An RFC 3339 UTC time, or null for 0. A date that does not exist
// ("2026-02-30") is refused: parse_timestamp would roll it over into March.
std::optional<Status> read_time(const json& j, const char* field, int64_t* out) {
  auto it = j.find(field);
  if (it == j.end() || it->is_null()) return std::nullopt;
  const std::string why = std::string("must be a UTC time like ") + kTimeExample + ", or null";
  if (!it->is_string()) return invalid(field, why);
  const std::string text = it->get<std::string>();
  int64_t us = 0;
  if (!parse_timestamp(text, &us)) return invalid(field, why);
  const std::string as_read = format_utc(us, "%Y-%m-%dT%H:%M:%S");
  if (text.compare(0, as_read.size(), as_read) != 0) return invalid(field, why);
  *out = us;
  return std::nullopt;
}

}  // namespace

NewEvent encode(const promotion::Event& event) {
  return Table::encode(event);
}

Expected<promotion::Event> decode(const EventEnvelope& env) {
  return Table::decode(env, "a promotion");
}

bool is_promotion_event(std::string_view type) {
  return Table::knows(type);
}

json promotion_to_json(const promotion::Promotion& p) {
  return {{"code", p.code},
          {"description", p.description},
          {"kind", promotion::to_string(p.kind)},
          {"percent", p.percent},
          {"amount", p.amount_cents / 100.0},
          {"amount_cents", p.amount_cents},
          {"currency", p.currency},
          {"starts_at", time_json(p.starts_us)},
          {"ends_at", time_json(p.ends_us)},
          {"skus", p.skus},
          {"categories", p.categories}};
}

Expected<promotion::Promotion> promotion_from_json(const json& j) {
  if (!j.is_object()) return Status::InvalidArgument("a promotion must be a JSON object");
  promotion::Promotion p;
  std::string kind;
  for (auto e :
       {read_string(j, "code", &p.code, true), read_string(j, "description", &p.description, false),
        read_string(j, "kind", &kind, true), read_integer(j, "percent", &p.percent),
        read_amount(j, &p.amount_cents), read_string(j, "currency", &p.currency, false),
        read_time(j, "starts_at", &p.starts_us), read_time(j, "ends_at", &p.ends_us),
        read_list(j, "skus", &p.skus), read_list(j, "categories", &p.categories)})
    if (e) return *e;
  if (!promotion::kind_from(kind, &p.kind))
    return invalid("kind", "must be \"percent\" or \"amount\"");
  return p;
}

}  // namespace parley::events::promotion_codec
