#include "events/coding.hpp"

namespace parley::events::coding {

void put_fixed64_be(std::string* dst, uint64_t v) {
  char buf[8];
  for (int i = 7; i >= 0; --i) {
    buf[i] = static_cast<char>(v & 0xff);
    v >>= 8;
  }
  dst->append(buf, 8);
}

uint64_t decode_fixed64_be(const char* p) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | static_cast<uint8_t>(p[i]);
  return v;
}

void put_varint(std::string* dst, uint64_t v) {
  while (v >= 0x80) {
    dst->push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  dst->push_back(static_cast<char>(v));
}

bool get_varint(std::string_view* in, uint64_t* v) {
  uint64_t result = 0;
  for (size_t i = 0, shift = 0; i < in->size() && shift <= 63; ++i, shift += 7) {
    auto byte = static_cast<uint8_t>((*in)[i]);
    result |= static_cast<uint64_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) {
      *v = result;
      in->remove_prefix(i + 1);
      return true;
    }
  }
  return false;
}

void put_length_prefixed(std::string* dst, std::string_view s) {
  put_varint(dst, s.size());
  dst->append(s.data(), s.size());
}

bool get_length_prefixed(std::string_view* in, std::string_view* s) {
  uint64_t len = 0;
  if (!get_varint(in, &len) || len > in->size()) return false;
  *s = in->substr(0, len);
  in->remove_prefix(len);
  return true;
}

}  // namespace parley::events::coding
