// The close command parser: the same answers as the regular expressions it
// replaced on every short message, and linear on long ones.
#include "crm/close_command.hpp"

#include <gtest/gtest.h>

#include <random>
#include <regex>

namespace parley::crm {
namespace {

// The patterns desk.cpp used before issue 17; safe on short texts only.
std::optional<CloseCommand> old_patterns(const std::string& text) {
  static const std::regex close(
      R"(^\s*(?:mark\s+|lead\s+)?(.+?)\s+(?:as\s+|is\s+|ko\s+)?(won|lost)\s*[.!]?\s*$)",
      std::regex::icase);
  static const std::regex close_first(
      R"(^\s*(?:lead\s+)?(won|lost)\s*[:\-]?\s+(?:for\s+)?(.+?)\s*[.!]?\s*$)", std::regex::icase);
  auto lower = [](std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  std::smatch m;
  if (std::regex_match(text, m, close)) return CloseCommand{lower(m[2].str()), m[1].str()};
  if (std::regex_match(text, m, close_first)) return CloseCommand{lower(m[1].str()), m[2].str()};
  return std::nullopt;
}

TEST(CloseCommand, ReadsTheCompanyAndTheOutcomeInBothOrders) {
  auto c = parse_close_command("mark Acme Corp as won.");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->outcome, "won");
  EXPECT_EQ(c->company, "Acme Corp");
  c = parse_close_command("  Lost: for Globex Ltd !");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->outcome, "lost");
  EXPECT_EQ(c->company, "Globex Ltd");
  c = parse_close_command("Sharma Traders ko LOST");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->company, "Sharma Traders");
  EXPECT_FALSE(parse_close_command("Schedule demo for Acme tomorrow"));
  EXPECT_FALSE(parse_close_command("won"));
  EXPECT_FALSE(parse_close_command("Acmewon"));
  EXPECT_FALSE(parse_close_command("wonder Acme"));
}

TEST(CloseCommand, AgreesWithTheOldPatternsOnShortMessages) {
  const std::vector<std::string> words = {"mark", "lead", "Acme", "Corp",  "as",   "is", "ko",
                                          "won",  "Lost", "for",  ":",     "-",    ".",  "!",
                                          "IS",   "x\ny", "Won.", "lost!", "for:", "as-"};
  const std::vector<std::string> gaps = {" ", "  ", "\t", "", " : ", " - "};
  std::mt19937 rng(17);
  int commands = 0;
  for (int i = 0; i < 40000; ++i) {
    std::string text = rng() % 4 == 0 ? " " : "";
    const size_t n = 1 + rng() % 6;
    for (size_t w = 0; w < n; ++w) {
      if (w) text += gaps[rng() % gaps.size()];
      text += words[rng() % words.size()];
    }
    if (rng() % 3 == 0) text += rng() % 2 ? "." : " !";
    const auto want = old_patterns(text);
    const auto got = parse_close_command(text);
    ASSERT_EQ(want.has_value(), got.has_value()) << "'" << text << "'";
    if (want) {
      EXPECT_EQ(want->outcome, got->outcome) << "'" << text << "'";
      EXPECT_EQ(want->company, got->company) << "'" << text << "'";
      ++commands;
    }
  }
  EXPECT_GT(commands, 1000) << "the generator should make many close commands";
}

// 48 KB of "a " overflowed the stack inside std::regex and killed the server.
TEST(CloseCommand, AMegabyteMessageIsReadWithoutRecursion) {
  std::string words;
  for (int i = 0; i < 24000; ++i) words += "a ";
  EXPECT_FALSE(parse_close_command(words));
  std::string big;
  while (big.size() < (1u << 20)) big += "Acme ";
  auto c = parse_close_command(big + "won");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->outcome, "won");
  EXPECT_EQ(c->company.size(), big.size() - 1);
}

}  // namespace
}  // namespace parley::crm
