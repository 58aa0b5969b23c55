// json_text writes the bytes nlohmann's dump(-1, ' ', false, replace) writes,
// for every kind of value: stored payloads and view rows did not change.
#include "events/json_text.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <random>

namespace parley::events {
namespace {

using nlohmann::json;

std::string nlohmann_text(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

TEST(JsonText, WritesWhatNlohmannWritesForEachKindOfValue) {
  std::string controls;
  for (int c = 0; c < 0x20; ++c) controls.push_back(static_cast<char>(c));
  const std::vector<json> values = {
      json::object(),
      json::array(),
      nullptr,
      true,
      false,
      0,
      -1,
      std::numeric_limits<int64_t>::min(),
      std::numeric_limits<int64_t>::max(),
      std::numeric_limits<uint64_t>::max(),
      0.1,
      -0.0,
      3.0,
      1e300,
      123456789.125,
      "",
      controls,
      "quote \" backslash \\ slash / del \x7f",
      "ñ Ω ₹ 😀 हिंदी Привет",
      std::string("\xff bad \xc0\x80 overlong \xed\xa0\x80 surrogate \xe2\x82 cut", 36),
      std::string("nul \0 inside", 12),
      json{{"b", 1}, {"a", {{"z", nullptr}, {"y", json::array({1, "two", 3.5, false})}}}},
      json{{"ke\"y\n", "v"}, {std::string("\xfe", 1), "invalid key"}},
  };
  for (const auto& v : values) EXPECT_EQ(json_text(v), nlohmann_text(v)) << nlohmann_text(v);
}

json random_value(std::mt19937& rng, int depth) {
  auto byte_string = [&] {
    std::string s(rng() % 12, '\0');
    for (auto& c : s) c = static_cast<char>(rng() % 4 == 0 ? rng() % 256 : 'a' + rng() % 26);
    return s;
  };
  switch (rng() % (depth > 3 ? 5 : 7)) {
    case 0:
      return byte_string();
    case 1:
      return static_cast<int64_t>(rng()) - (int64_t{1} << 31);
    case 2:
      return static_cast<double>(rng()) / 7.0;
    case 3:
      return rng() % 2 == 0;
    case 4:
      return nullptr;
    case 5: {
      json a = json::array();
      for (unsigned i = rng() % 4; i > 0; --i) a.push_back(random_value(rng, depth + 1));
      return a;
    }
    default: {
      json o = json::object();
      for (unsigned i = rng() % 4; i > 0; --i) o[byte_string()] = random_value(rng, depth + 1);
      return o;
    }
  }
}

TEST(JsonText, WritesWhatNlohmannWritesForRandomDocuments) {
  std::mt19937 rng(22);
  for (int i = 0; i < 5000; ++i) {
    const json v = random_value(rng, 0);
    ASSERT_EQ(json_text(v), nlohmann_text(v)) << i;
  }
}

}  // namespace
}  // namespace parley::events
