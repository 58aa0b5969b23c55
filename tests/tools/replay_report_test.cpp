// The replay's comparison (tools/replay_report.hpp): recorded turns folded
// from a conversation's events, and a report that lists only what differs.
#include "tools/replay_report.hpp"

#include <gtest/gtest.h>

namespace parley::tools::replay {
namespace {

namespace conv = domain::conversation;

conv::MessageReceived in(const std::string& id, const std::string& text) {
  return {conv::text_message("api", "u1", text), id, "", 100};
}
conv::MessageSent out(const std::string& id, const std::string& text, const std::string& to) {
  return {id, "api", "u1", text, to, 101};
}
domain::CartLine line(const std::string& sku, int64_t quantity) {
  domain::CartLine l;
  l.sku = sku;
  l.quantity = quantity;
  l.unit_price_cents = 1490;
  return l;
}

TEST(ReplayReport, RecordedTurnsHoldTheirRepliesTheCartAfterAndTheOrderPlaced) {
  auto person = out("api:u1#6", "A person writes", "");
  person.author = "ines";
  const std::vector<conv::Event> events = {in("api:u1#1", "add 2 screws"),
                                           conv::ItemAdded{line("HW-1", 2)},
                                           out("api:u1#2", "Added.", "api:u1#1"),
                                           in("api:u1#3", "yes"),
                                           conv::OrderPlaced{"ORD-1", 2980, "EUR", 0, ""},
                                           out("api:u1#4", "Order ORD-1 placed.", "api:u1#3"),
                                           out("api:u1#5", "Thanks!", "api:u1#3"),
                                           person};
  const auto turns = recorded_turns(events, "api:u1");
  ASSERT_EQ(turns.size(), 2u);
  EXPECT_EQ(turns[0].inbound, "add 2 screws");
  EXPECT_EQ(turns[0].replies, std::vector<std::string>{"Added."});
  EXPECT_EQ(turns[0].cart, "HW-1 x2");
  EXPECT_EQ(turns[0].order, "");
  EXPECT_EQ(turns[1].replies, (std::vector<std::string>{"Order ORD-1 placed.", "Thanks!"}))
      << "a person's message is not the brain's";
  EXPECT_EQ(turns[1].cart, "");
  EXPECT_EQ(turns[1].order, "EUR 29.80: HW-1 x2") << "what it holds, not its random id";
}

TEST(ReplayReport, OnlyTheTurnsThatDifferAreListedWithWhatDiffers) {
  ConversationTurns same{"api:a", {{"hi", {"Hello!"}, "", ""}}, {{"hi", {"Hello!"}, "", ""}}};
  ConversationTurns changed{"api:b",
                            {{"hi", {"Hello!"}, "", ""}, {"add 2", {"Added."}, "A x2", ""}},
                            {{"hi", {"Hello!"}, "", ""}, {"add 2", {"Added."}, "A x3", ""}}};
  const auto report = compare({same, changed});
  EXPECT_EQ(report["turns"], 3);
  EXPECT_EQ(report["differing_turns"], 1);
  EXPECT_EQ(report["conversations_differing"], 1);
  const auto& diff = report["conversations"][1]["diffs"][0];
  EXPECT_EQ(diff["turn"], 2);
  EXPECT_EQ(diff["cart"]["recorded"], "A x2");
  EXPECT_EQ(diff["cart"]["candidate"], "A x3");
  EXPECT_FALSE(diff.contains("replies"));
  EXPECT_FALSE(diff.contains("order"));
  EXPECT_TRUE(report["conversations"][0]["diffs"].empty());
  const std::string text = to_text(report);
  EXPECT_NE(text.find("api:b: 1 of 2 turns differ"), std::string::npos) << text;
  EXPECT_NE(text.find("cart: A x2 -> A x3"), std::string::npos) << text;
  EXPECT_EQ(text.find("api:a"), std::string::npos) << "a conversation without changes is quiet";
  EXPECT_NE(text.find("1 of 3 turns differ, in 1 of 2 conversations"), std::string::npos);
}

TEST(ReplayReport, ATurnTheCandidateNeverAnsweredDiffersInItsReplies) {
  const auto report = compare({{"api:a", {{"hi", {"Hello!"}, "", ""}}, {}}});
  EXPECT_EQ(report["differing_turns"], 1);
}

}  // namespace
}  // namespace parley::tools::replay
