#include "events/keys.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "events/coding.hpp"

namespace parley::events {
namespace {

TEST(Keys, StreamKeysSortBySeqNumerically) {
  StreamId s{"conversation", "api:u1"};
  std::vector<uint64_t> seqs = {1, 2, 255, 256, 65536, 1ull << 40, 10};
  std::vector<std::string> keys;
  for (auto q : seqs) keys.push_back(keys::stream_key(s, q));
  std::sort(keys.begin(), keys.end());
  std::sort(seqs.begin(), seqs.end());
  for (size_t i = 0; i < keys.size(); ++i) {
    StreamId back;
    uint64_t seq = 0;
    ASSERT_TRUE(keys::parse_stream_key(keys[i], &back, &seq));
    EXPECT_EQ(seq, seqs[i]);
    EXPECT_EQ(back, s);
  }
}

TEST(Keys, StreamPrefixesDoNotOverlap) {
  // "a" + id "bc" must not be a prefix of "ab" + id "c" or of "a" + "bcd".
  auto k1 = keys::stream_prefix({"a", "bc"});
  auto k2 = keys::stream_prefix({"ab", "c"});
  auto k3 = keys::stream_key({"a", "bcd"}, 1);
  EXPECT_NE(k1, k2);
  EXPECT_NE(k3.rfind(k1, 0), 0u);
}

TEST(Keys, GlobalKeysSortByPosition) {
  EXPECT_LT(keys::global_key(9), keys::global_key(10));
  EXPECT_LT(keys::global_key(255), keys::global_key(256));
  uint64_t p = 0;
  ASSERT_TRUE(keys::parse_global_key(keys::global_key(1234567890123ull), &p));
  EXPECT_EQ(p, 1234567890123ull);
  EXPECT_FALSE(keys::parse_global_key("short", &p));
}

TEST(Keys, ParseRejectsForeignKeys) {
  StreamId s;
  uint64_t seq;
  EXPECT_FALSE(keys::parse_stream_key("nonsense", &s, &seq));
  EXPECT_FALSE(keys::parse_stream_key(std::string("a\0b", 3) + "12345678", &s, &seq));
}

TEST(Keys, ValidateRejectsUnrepresentableIds) {
  EXPECT_TRUE(keys::validate_stream({"conversation", "x"}).ok());
  EXPECT_EQ(keys::validate_stream({"", "x"}).code(), StoreErrc::invalid_argument);
  EXPECT_EQ(keys::validate_stream({"t", ""}).code(), StoreErrc::invalid_argument);
  EXPECT_EQ(keys::validate_stream({"t", std::string("a\0b", 3)}).code(),
            StoreErrc::invalid_argument);
  EXPECT_EQ(keys::validate_stream({"t", std::string(kMaxIdBytes + 1, 'x')}).code(),
            StoreErrc::invalid_argument);
  EXPECT_TRUE(keys::validate_stream({"t", std::string(kMaxIdBytes, 'x')}).ok());
}

TEST(Coding, VarintRoundTripAndTruncation) {
  for (uint64_t v : {0ull, 1ull, 127ull, 128ull, 300ull, 1ull << 35, ~0ull}) {
    std::string buf;
    coding::put_varint(&buf, v);
    std::string_view in = buf;
    uint64_t back = 0;
    ASSERT_TRUE(coding::get_varint(&in, &back));
    EXPECT_EQ(back, v);
    EXPECT_TRUE(in.empty());
    std::string_view cut(buf.data(), buf.size() - 1);
    if (!cut.empty()) {
      EXPECT_FALSE(coding::get_varint(&cut, &back));
    }
  }
}

}  // namespace
}  // namespace parley::events
