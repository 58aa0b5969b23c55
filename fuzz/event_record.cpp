// The stored and shown forms of an envelope: the record bytes of the global
// column family (events/record_format.cpp), the stream keys (events/keys.cpp),
// and the envelope's JSON (events/envelope_json.cpp) as the API and
// `parley events` show it. Input: any bytes, read two ways — as a record and
// as a stream key. A record that decodes must come back the same through
// encode_record, and show as JSON that parses, with its own timestamp.
#include <nlohmann/json.hpp>

#include "events/envelope_json.hpp"
#include "events/keys.hpp"
#include "events/record_format.hpp"
#include "fuzz/fuzz.hpp"

using namespace parley;
using namespace parley::events;

namespace {

// 9999-12-31T23:59:59.999999Z: RFC 3339 has four-digit years.
constexpr int64_t kLastShownUs = 253402300799999999;

bool same(const EventEnvelope& a, const EventEnvelope& b, bool payload) {
  return a.entity_type == b.entity_type && a.entity_id == b.entity_id && a.seq == b.seq &&
         a.position == b.position && a.type == b.type && a.schema_version == b.schema_version &&
         a.timestamp_us == b.timestamp_us && a.causation_id == b.causation_id &&
         (!payload || a.payload == b.payload);
}

void record(std::string_view bytes) {
  const RecordView view(7, bytes);
  const auto type = view.type();
  const auto e = view.decode();
  if (!e.ok()) return;
  if (e->type != type) fuzz::fail("type() and decode() disagree on the event type");
  NewEvent n{e->type, e->schema_version, e->timestamp_us, e->causation_id, e->payload};
  const std::string again = encode_record({e->entity_type, e->entity_id}, e->seq, n);
  const auto back = RecordView(7, again).decode();
  if (!back.ok() || !same(*e, *back, true)) fuzz::fail("encode_record(decode(x)) differs");

  // JSON carries only UTF-8: bytes that are not are shown replaced (U+FFFD),
  // by design; what is shown must parse and keep the envelope's time.
  const auto shown = to_json(*e);
  const auto text = shown.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  const auto read = nlohmann::json::parse(text, nullptr, false);
  if (read.is_discarded()) fuzz::fail("to_json(e) is not JSON");
  int64_t at = 0;
  if (e->timestamp_us >= 0 && e->timestamp_us <= kLastShownUs &&
      (!parse_timestamp(read.value("timestamp", ""), &at) || at != e->timestamp_us))
    fuzz::fail("to_json(e) shows another time than e's");
}

void stream_key(std::string_view key) {
  StreamId stream;
  uint64_t seq = 0;
  if (keys::parse_stream_key(key, &stream, &seq) && keys::stream_key(stream, seq) != key)
    fuzz::fail("stream_key(parse_stream_key(k)) != k");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string in(reinterpret_cast<const char*>(data), size);
  record(in);
  stream_key(in);
  return 0;
}
