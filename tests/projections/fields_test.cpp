// The projections' payload reader (Fields over simdjson) and the canonical
// string writer the activity view uses instead of building JSON values.
#include <gtest/gtest.h>

#include "projections/fields.hpp"
#include "projections/projection.hpp"

namespace parley::projections {
namespace {

using nlohmann::json;

std::string written(std::string_view v) {
  std::string out;
  append_canonical_string(&out, v);
  return out;
}

TEST(CanonicalString, MatchesCanonicalForEveryKindOfText) {
  const std::vector<std::string> texts = {
      "",
      "plain words",
      "say \"hi\" \\ there",
      "tab\there, newline\nthere, cr\r, bell\a, nul" + std::string(1, '\0') + ", unit\x1f, del\x7f",
      "back\bspace and form\ffeed",
      "Хочу купить шуруповёрт",
      "मुझे ड्रिल चाहिए",
      "emoji 🛒 in the cart",
      "broken \xff\xfe utf-8",
      "cut short \xe0\xa4",
  };
  for (const auto& t : texts) EXPECT_EQ(written(t), canonical(json(t))) << t;
}

TEST(CanonicalString, AppendsAfterWhatIsThere) {
  std::string out = "{\"a\":";
  append_canonical_string(&out, "x\"y");
  EXPECT_EQ(out, "{\"a\":\"x\\\"y\"");
}

class FieldsTest : public ::testing::Test {
 protected:
  Fields parse(const std::string& text) {
    simdjson::dom::element root;
    if (parser_.parse(text).get(root) != simdjson::SUCCESS || !root.is_object()) return Fields();
    return Fields(simdjson::dom::object(root));
  }
  simdjson::dom::parser parser_;
};

TEST_F(FieldsTest, ReadsWhatIsThereAndDefaultsWhatIsNot) {
  const Fields f =
      parse(R"({"s":"text","i":-42,"u":18446744073709551615,"d":2.9,"b":true,"o":{"k":"v","n":7},)"
            R"("a":[1,"two",{"three":3}],"z":null})");
  EXPECT_EQ(f.str("s"), "text");
  EXPECT_EQ(f.string("s"), "text");
  EXPECT_EQ(f.str("i"), "");  // not a string
  EXPECT_EQ(f.str("missing"), "");
  EXPECT_EQ(f.i64("i"), -42);
  EXPECT_EQ(f.i64("d"), 2);  // truncated toward zero
  EXPECT_EQ(f.i64("s", 5), 5);
  EXPECT_EQ(f.i64("missing", 9), 9);
  EXPECT_TRUE(f.has("z"));
  EXPECT_FALSE(f.has("missing"));
  EXPECT_EQ(f.object("o").str("k"), "v");
  EXPECT_EQ(f.object("o").i64("n"), 7);
  EXPECT_FALSE(f.object("s").has("k"));  // not an object: empty
  EXPECT_EQ(f.object("missing").keys().size(), 0u);
  EXPECT_EQ(f.json("a"), json::parse(R"([1,"two",{"three":3}])"));
  EXPECT_EQ(f.json("o"), json::parse(R"({"k":"v","n":7})"));
  EXPECT_TRUE(f.json("missing").is_null());
  EXPECT_EQ(f.json("b"), json(true));
  const auto keys = f.keys();
  ASSERT_EQ(keys.size(), 8u);
  EXPECT_EQ(keys.front(), "s");
  EXPECT_EQ(keys.back(), "z");
}

TEST_F(FieldsTest, NotAnObjectReadsAsEmpty) {
  for (const char* text : {"[1,2]", "\"s\"", "{broken", "", "{\"bad\":\"\xff\"}"}) {
    const Fields f = parse(text);
    EXPECT_FALSE(f.has("bad")) << text;
    EXPECT_EQ(f.keys().size(), 0u) << text;
  }
}

}  // namespace
}  // namespace parley::projections
