// Byte-level encodings shared by keys and records: big-endian fixed64 (sorts
// numerically under a bytewise comparator) and LEB128 varints.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace parley::events::coding {

void put_fixed64_be(std::string* dst, uint64_t v);
uint64_t decode_fixed64_be(const char* p);

void put_varint(std::string* dst, uint64_t v);
bool get_varint(std::string_view* in, uint64_t* v);

// varint length followed by the bytes.
void put_length_prefixed(std::string* dst, std::string_view s);
bool get_length_prefixed(std::string_view* in, std::string_view* s);

}  // namespace parley::events::coding
