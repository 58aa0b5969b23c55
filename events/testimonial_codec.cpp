#include "events/testimonial_codec.hpp"

#include <cctype>
#include <nlohmann/json.hpp>
#include <optional>

#include "events/envelope_json.hpp"
#include "events/schema_table.hpp"

namespace parley::events::testimonial_codec {
using nlohmann::json;

namespace {

json stored_json(const testimonial::Testimonial& t, const std::string& by) {
  return {{"text", t.text}, {"author", t.author},       {"language", t.language},
          {"sku", t.sku},   {"photo_url", t.photo_url}, {"by", by}};
}

// The id and the time are the envelope's: one stream per testimonial.
testimonial::Testimonial stored_of(const json& j, const EventEnvelope& env) {
  testimonial::Testimonial t;
  t.id = env.entity_id;
  t.text = j.at("text");
  t.author = j.at("author");
  t.language = j.at("language");
  t.sku = j.value("sku", "");
  t.photo_url = j.value("photo_url", "");
  t.saved_us = env.timestamp_us;
  return t;
}

// Every event here carries its own time (TimedSchema, events/schema_table.hpp).
template <class E>
using Timed = TimedSchema<E>;

template <class E>
struct Schema;
template <>
struct Schema<testimonial::TestimonialSaved> : Timed<testimonial::TestimonialSaved> {
  static constexpr const char* kType = types::kSaved;
  static json to(const testimonial::TestimonialSaved& e) {
    return stored_json(e.testimonial, e.by);
  }
  static testimonial::TestimonialSaved from(const json& p, const EventEnvelope& env) {
    return {stored_of(p, env), p.value("by", ""), env.timestamp_us};
  }
};
template <>
struct Schema<testimonial::TestimonialRemoved> : Timed<testimonial::TestimonialRemoved> {
  static constexpr const char* kType = types::kRemoved;
  static json to(const testimonial::TestimonialRemoved& e) { return {{"by", e.by}}; }
  static testimonial::TestimonialRemoved from(const json& p, const EventEnvelope& env) {
    return {p.value("by", ""), env.timestamp_us};
  }
};
using Table = SchemaTable<testimonial::Event, Schema>;

// A product's SKU is stored upper-cased (domain/product.hpp): so is the one a
// testimonial is about, or it would never be picked for that product.
std::string sku_key(std::string sku) {
  const auto space = [](unsigned char c) { return std::isspace(c) != 0; };
  while (!sku.empty() && space(sku.back())) sku.pop_back();
  size_t start = 0;
  while (start < sku.size() && space(sku[start])) ++start;
  sku.erase(0, start);
  for (auto& c : sku) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return sku;
}

}  // namespace

NewEvent encode(const testimonial::Event& event) {
  return Table::encode(event);
}

Expected<testimonial::Event> decode(const EventEnvelope& env) {
  return Table::decode(env, "a testimonial");
}

bool is_testimonial_event(std::string_view type) {
  return Table::knows(type);
}

json testimonial_to_json(const testimonial::Testimonial& t) {
  return {{"id", t.id},
          {"text", t.text},
          {"author", t.author},
          {"language", t.language},
          {"sku", t.sku},
          {"photo_url", t.photo_url},
          {"saved_at", format_timestamp(t.saved_us)}};
}

Expected<testimonial::Testimonial> testimonial_from_json(const json& j) {
  if (!j.is_object()) return Status::InvalidArgument("a testimonial must be a JSON object");
  auto str = [&](const char* k, std::string* out, bool required) -> std::optional<Status> {
    auto it = j.find(k);
    if (it == j.end() || it->is_null()) {
      if (required) return Status::InvalidArgument(std::string("'") + k + "' is required");
      return std::nullopt;
    }
    if (!it->is_string())
      return Status::InvalidArgument(std::string("'") + k + "' must be a string");
    *out = it->get<std::string>();
    return std::nullopt;
  };
  testimonial::Testimonial t;
  for (auto e : {str("text", &t.text, true), str("author", &t.author, true),
                 str("language", &t.language, true), str("sku", &t.sku, false),
                 str("photo_url", &t.photo_url, false)})
    if (e) return *e;
  t.sku = sku_key(std::move(t.sku));
  return t;
}

}  // namespace parley::events::testimonial_codec
