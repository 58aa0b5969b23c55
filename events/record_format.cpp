#include "events/record_format.hpp"

#include "events/coding.hpp"

namespace parley::events {

std::string encode_record(const StreamId& stream, uint64_t seq, const NewEvent& event) {
  std::string out;
  out.reserve(24 + event.type.size() + stream.type.size() + stream.id.size() +
              event.causation_id.size() + event.payload.size());
  out.push_back(static_cast<char>(kRecordFormat));
  coding::put_length_prefixed(&out, event.type);
  coding::put_varint(&out, event.schema_version);
  coding::put_varint(&out, static_cast<uint64_t>(event.timestamp_us));
  coding::put_varint(&out, seq);
  coding::put_length_prefixed(&out, stream.type);
  coding::put_length_prefixed(&out, stream.id);
  coding::put_length_prefixed(&out, event.causation_id);
  out.append(event.payload);
  return out;
}

std::string_view RecordView::type() const {
  std::string_view in = bytes_;
  if (in.empty() || static_cast<uint8_t>(in[0]) != kRecordFormat) return {};
  in.remove_prefix(1);
  std::string_view type;
  if (!coding::get_length_prefixed(&in, &type)) return {};
  return type;
}

Expected<EventEnvelope> RecordView::decode() const {
  auto corrupt = [this](const char* what) {
    return Status::Corruption("record at position " + std::to_string(position_) + ": " + what);
  };
  std::string_view in = bytes_;
  if (in.empty() || static_cast<uint8_t>(in[0]) != kRecordFormat)
    return corrupt("unknown record format");
  in.remove_prefix(1);
  std::string_view type, entity_type, entity_id, causation;
  uint64_t schema = 0, ts = 0, seq = 0;
  if (!coding::get_length_prefixed(&in, &type)) return corrupt("bad event type");
  if (!coding::get_varint(&in, &schema) || !coding::get_varint(&in, &ts) ||
      !coding::get_varint(&in, &seq))
    return corrupt("bad header numbers");
  if (!coding::get_length_prefixed(&in, &entity_type) ||
      !coding::get_length_prefixed(&in, &entity_id) ||
      !coding::get_length_prefixed(&in, &causation))
    return corrupt("bad header strings");
  EventEnvelope e;
  e.entity_type.assign(entity_type);
  e.entity_id.assign(entity_id);
  e.seq = seq;
  e.position = position_;
  e.type.assign(type);
  e.schema_version = static_cast<uint32_t>(schema);
  e.timestamp_us = static_cast<int64_t>(ts);
  e.causation_id.assign(causation);
  e.payload.assign(in);
  if (filter_)
    if (auto st = (*filter_)(e.type, &e.payload); !st.ok()) return st;
  return e;
}

}  // namespace parley::events
