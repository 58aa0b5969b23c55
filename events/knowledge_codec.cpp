#include "events/knowledge_codec.hpp"

#include <nlohmann/json.hpp>

#include "events/schema_table.hpp"

namespace parley::events::knowledge_codec {
using nlohmann::json;

namespace {

json document_json(const knowledge::Document& d, const std::string& by) {
  return {{"title", d.title},
          {"format", knowledge::to_string(d.format)},
          {"language", d.language},
          {"purpose", knowledge::to_string(d.purpose)},
          {"stage", d.stage},
          {"body", d.body},
          {"by", by}};
}

knowledge::Document document_of(const json& j) {
  knowledge::Document d;
  d.title = j.at("title");
  if (!knowledge::format_from(j.at("format").get<std::string>(), &d.format))
    throw json::other_error::create(501, "unknown knowledge format", &j);
  d.language = j.at("language");
  if (!knowledge::purpose_from(j.value("purpose", "info"), &d.purpose))
    throw json::other_error::create(501, "unknown knowledge purpose", &j);
  d.stage = j.value("stage", "");
  d.body = j.at("body");
  return d;
}

// Every event here carries its own time (TimedSchema, events/schema_table.hpp).
template <class E>
using Timed = TimedSchema<E>;

template <class E>
struct Schema;
template <>
struct Schema<knowledge::DocumentUploaded> : Timed<knowledge::DocumentUploaded> {
  static constexpr const char* kType = types::kUploaded;
  static json to(const knowledge::DocumentUploaded& e) { return document_json(e.document, e.by); }
  static knowledge::DocumentUploaded from(const json& p, const EventEnvelope& env) {
    return {document_of(p), p.value("by", ""), env.timestamp_us};
  }
};
template <>
struct Schema<knowledge::DocumentReplaced> : Timed<knowledge::DocumentReplaced> {
  static constexpr const char* kType = types::kReplaced;
  static json to(const knowledge::DocumentReplaced& e) { return document_json(e.document, e.by); }
  static knowledge::DocumentReplaced from(const json& p, const EventEnvelope& env) {
    return {document_of(p), p.value("by", ""), env.timestamp_us};
  }
};
template <>
struct Schema<knowledge::DocumentRemoved> : Timed<knowledge::DocumentRemoved> {
  static constexpr const char* kType = types::kRemoved;
  static json to(const knowledge::DocumentRemoved& e) { return {{"by", e.by}}; }
  static knowledge::DocumentRemoved from(const json& p, const EventEnvelope& env) {
    return {p.value("by", ""), env.timestamp_us};
  }
};
using Table = SchemaTable<knowledge::Event, Schema>;

}  // namespace

NewEvent encode(const knowledge::Event& event) {
  return Table::encode(event);
}

Expected<knowledge::Event> decode(const EventEnvelope& env) {
  return Table::decode(env, "a knowledge document");
}

bool is_knowledge_event(std::string_view type) {
  return Table::knows(type);
}

}  // namespace parley::events::knowledge_codec
