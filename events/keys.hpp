// Key encoding of every column family (docs/STORAGE.md). All integers are
// big-endian so that bytewise order is numeric order.
//
//   streams    <entity type> 0x00 <entity id> 0x00 <seq:be64>  -> <position:be64>
//   global     <position:be64>                                 -> record (record_format.hpp)
//   snapshots  <entity type> 0x00 <entity id> 0x00             -> snapshot value
//   dedupe     <dedupe key>                                    -> first outcome
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "events/envelope.hpp"
#include "events/status.hpp"

namespace parley::events::keys {

// Rejects ids the key layout cannot represent: empty, too long, or with NUL.
Status validate_stream(const StreamId& stream);

// "<type>\0<id>\0": the snapshot key and the prefix of every stream key.
std::string stream_prefix(const StreamId& stream);
std::string stream_key(const StreamId& stream, uint64_t seq);
std::string stream_key_from_prefix(std::string_view prefix, uint64_t seq);
std::string global_key(uint64_t position);

// Splits a streams-CF key; false if it is not one.
bool parse_stream_key(std::string_view key, StreamId* stream, uint64_t* seq);
bool parse_global_key(std::string_view key, uint64_t* position);

}  // namespace parley::events::keys
