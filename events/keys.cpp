#include "events/keys.hpp"

#include "events/coding.hpp"

namespace parley::events::keys {
namespace {

Status validate_part(std::string_view what, std::string_view s) {
  if (s.empty()) return Status::InvalidArgument(std::string(what) + " is empty");
  if (s.size() > kMaxIdBytes)
    return Status::InvalidArgument(std::string(what) + " is longer than " +
                                   std::to_string(kMaxIdBytes) + " bytes");
  if (s.find('\0') != std::string_view::npos)
    return Status::InvalidArgument(std::string(what) + " contains a NUL byte");
  return Status::Ok();
}

}  // namespace

Status validate_stream(const StreamId& stream) {
  if (auto st = validate_part("entity type", stream.type); !st.ok()) return st;
  return validate_part("entity id", stream.id);
}

std::string stream_prefix(const StreamId& stream) {
  std::string k;
  k.reserve(stream.type.size() + stream.id.size() + 2);
  k.append(stream.type).push_back('\0');
  k.append(stream.id).push_back('\0');
  return k;
}

std::string stream_key_from_prefix(std::string_view prefix, uint64_t seq) {
  std::string k;
  k.reserve(prefix.size() + 8);
  k.append(prefix);
  coding::put_fixed64_be(&k, seq);
  return k;
}

std::string stream_key(const StreamId& stream, uint64_t seq) {
  return stream_key_from_prefix(stream_prefix(stream), seq);
}

std::string global_key(uint64_t position) {
  std::string k;
  coding::put_fixed64_be(&k, position);
  return k;
}

bool parse_stream_key(std::string_view key, StreamId* stream, uint64_t* seq) {
  if (key.size() < 8 + 4) return false;
  std::string_view head = key.substr(0, key.size() - 8);
  if (head.back() != '\0') return false;
  head.remove_suffix(1);
  auto sep = head.find('\0');
  if (sep == std::string_view::npos || sep == 0 || sep + 1 == head.size()) return false;
  stream->type.assign(head.substr(0, sep));
  stream->id.assign(head.substr(sep + 1));
  *seq = coding::decode_fixed64_be(key.data() + key.size() - 8);
  return true;
}

bool parse_global_key(std::string_view key, uint64_t* position) {
  if (key.size() != 8) return false;
  *position = coding::decode_fixed64_be(key.data());
  return true;
}

}  // namespace parley::events::keys
