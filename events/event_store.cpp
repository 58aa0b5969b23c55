#include "events/event_store.hpp"

namespace parley::events {

AppendResult EventStore::append(const AppendRequest& request) {
  return append_batch({request}).front();
}

Status EventStore::read_all(uint64_t from_position, size_t max_count,
                            std::vector<EventEnvelope>* out) {
  Status decode_error;
  auto st = scan_all(from_position, [&](const RecordView& r) {
    if (max_count == 0) return false;
    auto e = r.decode();
    if (!e) {
      decode_error = e.status();
      return false;
    }
    out->push_back(std::move(e).value());
    return --max_count > 0;
  });
  return st.ok() ? decode_error : st;
}

}  // namespace parley::events
