// The shop's documents split into passages, given/when/then: paragraphs and
// their cuts (never inside a character), Markdown's headings, lists, code and
// links, the FAQ's rows and their line numbers, WhatsApp's two export styles,
// and the caps on size, passages and errors.
#include "domain/knowledge_text.hpp"

#include <gtest/gtest.h>

namespace parley::domain::knowledge {
namespace {

std::string repeat(const std::string& unit, size_t times) {
  std::string out;
  out.reserve(unit.size() * times);
  for (size_t i = 0; i < times; ++i) out += unit;
  return out;
}

std::vector<std::string> texts(const Split& s) {
  std::vector<std::string> out;
  for (const auto& p : s.passages) out.push_back(p.text);
  return out;
}

std::vector<uint32_t> lines(const Split& s) {
  std::vector<uint32_t> out;
  for (const auto& p : s.passages) out.push_back(p.line);
  return out;
}

std::vector<uint32_t> error_lines(const Split& s) {
  std::vector<uint32_t> out;
  for (const auto& e : s.errors) out.push_back(e.line);
  return out;
}

// Whole UTF-8 characters only: no sequence cut short at either end.
bool whole_characters(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

void expect_positions_in_order(const Split& s) {
  for (size_t i = 0; i < s.passages.size(); ++i) EXPECT_EQ(s.passages[i].position, i);
}

TEST(KnowledgeText, GivenEachFormatsNameThenItReadsBackAndAnUnknownNameDoesNot) {
  for (Format f : {Format::text, Format::markdown, Format::faq_csv, Format::whatsapp_chat,
                   Format::docx, Format::pdf}) {
    Format read = Format::text;
    EXPECT_TRUE(format_from(to_string(f), &read)) << to_string(f);
    EXPECT_EQ(read, f);
  }
  EXPECT_STREQ(to_string(Format::whatsapp_chat), "whatsapp_chat");
  Format read = Format::markdown;
  EXPECT_FALSE(format_from("odt", &read));
  EXPECT_FALSE(format_from("", &read));
  EXPECT_EQ(read, Format::markdown) << "an unknown name leaves the format alone";
}

// ---- text -------------------------------------------------------------------

TEST(KnowledgeText, GivenTextWithBlankLinesThenEachParagraphIsAPassageInOrderWithItsLine) {
  const std::string body =
      "Hello   there,\tfriend.\nWe ship  daily.\n\n\n  Returns are free.  \r\n\r\nLast one";
  const auto s = split(Format::text, body, "en");
  EXPECT_TRUE(s.errors.empty());
  EXPECT_EQ(texts(s), (std::vector<std::string>{"Hello there, friend.\nWe ship daily.",
                                                "Returns are free.", "Last one"}));
  EXPECT_EQ(lines(s), (std::vector<uint32_t>{1, 5, 7}));
  expect_positions_in_order(s);
  for (const auto& p : s.passages) {
    EXPECT_EQ(p.language, "en");
    EXPECT_EQ(p.heading, "");
    EXPECT_EQ(p.question, "");
  }
}

TEST(KnowledgeText, GivenNothingButWhitespaceThenThereAreNoPassagesAndNoErrors) {
  for (Format f : {Format::text, Format::markdown, Format::whatsapp_chat}) {
    const auto s = split(f, " \n\t\n\r\n", "en");
    EXPECT_TRUE(s.passages.empty()) << to_string(f);
    EXPECT_TRUE(s.errors.empty()) << to_string(f);
  }
}

TEST(KnowledgeText, GivenAParagraphOverTheLimitThenItIsCutAtTheLastSentenceEndWithinIt) {
  const std::string x = std::string(500, 'x') + ".", y = std::string(500, 'y') + "!",
                    z = std::string(500, 'z') + "?";
  const auto s = split(Format::text, x + " " + y + " " + z + " ", "en");
  EXPECT_EQ(texts(s), (std::vector<std::string>{x + " " + y, z}));
  EXPECT_EQ(lines(s), (std::vector<uint32_t>{1, 1}));
  expect_positions_in_order(s);
}

TEST(KnowledgeText, GivenAParagraphWithoutSentenceEndsThenItIsCutAtTheLastSpace) {
  const auto s = split(Format::text, repeat("abcdefghi ", 200), "en");
  ASSERT_EQ(s.passages.size(), 2u);
  EXPECT_EQ(s.passages[0].text, repeat("abcdefghi ", 119) + "abcdefghi");
  EXPECT_EQ(s.passages[1].text.size(), 799u);
  EXPECT_EQ(s.passages[1].text.back(), 'i');
}

TEST(KnowledgeText, GivenALongParagraphOfShortLinesThenItIsCutAtALineEndAndKnowsThatLine) {
  std::string body;
  for (int i = 0; i < 20; ++i) body += std::string(99, 'x') + "\n";
  const auto s = split(Format::text, body, "en");
  ASSERT_EQ(s.passages.size(), 2u);
  EXPECT_EQ(s.passages[0].text.size(), 12u * 100 - 1) << "twelve lines of 99 and their breaks";
  EXPECT_EQ(s.passages[0].text.back(), 'x');
  EXPECT_EQ(s.passages[1].text.size(), 8u * 100 - 1);
  EXPECT_EQ(lines(s), (std::vector<uint32_t>{1, 13}));
}

TEST(KnowledgeText, GivenCyrillicOrDevanagariWithoutSpacesWhenCutAtTheLimitThenNoCharacterIsSplit) {
  struct Case {
    std::string body;
    size_t pieces;
  };
  // "a" and "ab" in front put the limit in the middle of a character.
  for (const auto& c : {Case{"a" + repeat("я", 1000), 2}, Case{"ab" + repeat("क", 1000), 3}}) {
    const auto s = split(Format::text, c.body, "ru");
    EXPECT_TRUE(s.errors.empty());
    ASSERT_EQ(s.passages.size(), c.pieces);
    std::string joined;
    for (const auto& p : s.passages) {
      EXPECT_LE(p.text.size(), kMaxPassageBytes);
      EXPECT_TRUE(whole_characters(p.text)) << p.text;
      joined += p.text;
    }
    EXPECT_EQ(joined, c.body) << "nothing lost, nothing doubled";
    EXPECT_EQ(s.passages[0].text.size(), 1199u);
  }
}

TEST(KnowledgeText, GivenHindiSentencesOverTheLimitThenTheCutIsAfterADanda) {
  const std::string sentence = repeat("क", 100) + "।";  // 303 bytes, no spaces
  const auto s = split(Format::text, repeat(sentence, 5), "hi");
  EXPECT_EQ(texts(s), (std::vector<std::string>{repeat(sentence, 3), repeat(sentence, 2)}));
}

// ---- the caps and UTF-8 --------------------------------------------------------

TEST(KnowledgeText, GivenABodyOfTwoMiBAndOneByteThenItIsOneErrorAndNoPassages) {
  for (Format f : {Format::text, Format::markdown, Format::faq_csv, Format::whatsapp_chat,
                   Format::docx, Format::pdf}) {
    const auto s = split(f, std::string(kMaxDocumentBytes + 1, 'a'), "en");
    EXPECT_TRUE(s.passages.empty()) << to_string(f);
    ASSERT_EQ(s.errors.size(), 1u) << to_string(f);
    EXPECT_EQ(s.errors[0].message, "the document is larger than 2 MiB");
  }
  const auto at_the_cap = split(Format::text, std::string(kMaxDocumentBytes, 'a'), "en");
  EXPECT_TRUE(at_the_cap.errors.empty());
  EXPECT_EQ(at_the_cap.passages.size(), 1748u) << "2 MiB in cuts of 1200 bytes";
}

TEST(KnowledgeText, GivenInvalidUtf8ThenItIsOneErrorWithItsLineAndNoPassages) {
  struct Case {
    std::string body;
    uint32_t line;
  };
  const Case cases[] = {
      {"good line\nsecond\n\xC3\x28 bad\n", 3},  // a lead byte without its continuation
      {"\xC0\xAF overlong", 1},
      {"ok\r\n\xED\xA0\x80 a surrogate", 2},
      {"a\rb\r\xF4\x90\x80\x80 past U+10FFFF", 3},
      {"cut short at the end \xE2\x82", 1},
      {"a stray continuation \x80", 1},
  };
  for (const auto& c : cases) {
    for (Format f : {Format::text, Format::faq_csv}) {
      const auto s = split(f, c.body, "en");
      EXPECT_TRUE(s.passages.empty()) << c.body;
      ASSERT_EQ(s.errors.size(), 1u) << c.body;
      EXPECT_EQ(s.errors[0].line, c.line) << c.body;
      EXPECT_NE(s.errors[0].message.find("UTF-8"), std::string::npos);
    }
  }
}

TEST(KnowledgeText, GivenMoreThanTheMaxPassagesThenTheFirstAreKeptAndOneErrorCountsTheRest) {
  const auto s = split(Format::text, repeat("p\n\n", kMaxPassages + 3), "en");
  ASSERT_EQ(s.passages.size(), kMaxPassages);
  expect_positions_in_order(s);
  EXPECT_EQ(s.passages.back().line, 2 * kMaxPassages - 1);
  ASSERT_EQ(s.errors.size(), 1u);
  EXPECT_EQ(s.errors[0].line, 2 * kMaxPassages + 1) << "the first passage dropped";
  EXPECT_NE(s.errors[0].message.find("3 more"), std::string::npos) << s.errors[0].message;
}

TEST(KnowledgeText, GivenANearlyTwoMiBSingleLineThenItSplitsInOnePassByConstruction) {
  // 1.9 MiB on one line: every cut looks back at most one passage, so this is
  // linear; the counts say each cut landed where it should.
  const auto prose = split(Format::text, repeat("abc. ", 398400), "en");
  ASSERT_EQ(prose.passages.size(), 1660u);
  EXPECT_EQ(prose.passages[0].text, repeat("abc. ", 239) + "abc.");
  EXPECT_EQ(prose.passages.back().text.size(), 1199u);

  // A million '[' without a ']': the links' brackets are found going forward only.
  const auto brackets = split(Format::markdown, std::string(1992000, '['), "en");
  ASSERT_EQ(brackets.passages.size(), 1660u);
  EXPECT_EQ(brackets.passages[0].text, std::string(1200, '['));

  // 20,000 short messages, two speakers taking turns: groups of 240 messages.
  std::string chat;
  for (int i = 0; i < 20000; ++i) chat += i % 2 ? "1/2/24, 9:00 - B: x\n" : "1/2/24, 9:00 - A: x\n";
  const auto talk = split(Format::whatsapp_chat, chat, "en");
  ASSERT_EQ(talk.passages.size(), 84u);
  EXPECT_EQ(talk.passages[1].line, 241u);
}

// ---- Markdown ------------------------------------------------------------------

TEST(KnowledgeText, GivenMarkdownThenHeadingsNamePassagesListsStayAndCodeAndMarksGo) {
  const std::string body = R"md(# Shipping

We ship to **Bali** and [Java](https://example.com/java).
Orders leave in `two` days.

```bash
curl https://example.com
```

## Returns ##
Return within 30 days:
- unworn items
* with the __tag__
1. in the box

Line two
---
After the underline.
)md";
  const auto s = split(Format::markdown, body, "id");
  EXPECT_TRUE(s.errors.empty());
  EXPECT_EQ(texts(s), (std::vector<std::string>{
                          "We ship to Bali and Java. Orders leave in two days.",
                          "Return within 30 days:\nunworn items\nwith the tag\nin the box",
                          "After the underline."}));
  ASSERT_EQ(s.passages.size(), 3u);
  EXPECT_EQ(s.passages[0].heading, "Shipping");
  EXPECT_EQ(s.passages[1].heading, "Returns");
  EXPECT_EQ(s.passages[2].heading, "Line two") << "a line underlined with --- is a heading";
  EXPECT_EQ(lines(s), (std::vector<uint32_t>{3, 11, 18}));
  expect_positions_in_order(s);
  EXPECT_EQ(s.passages[0].language, "id");
}

TEST(KnowledgeText, GivenMarkdownBracketsThatAreNoLinksThenTheyStayAsWritten) {
  const auto s = split(Format::markdown,
                       "[not a link] (x) and ![alt](i.png) and [a](b\n"
                       "```npm i``` works\n\n"
                       "Intro\n```\nnever closed\n",
                       "en");
  EXPECT_EQ(texts(s),
            (std::vector<std::string>{"[not a link] (x) and alt and [a](b npm i works", "Intro"}))
      << "code on one line is no fence; a fence never closed runs to the end";
}

TEST(KnowledgeText, GivenAVeryLongMarkdownHeadingThenItIsCutForEveryPassageBelowIt) {
  const auto s = split(Format::markdown, "#" + repeat(" abcd", 100) + "\nText\n", "en");
  ASSERT_EQ(s.passages.size(), 1u);
  EXPECT_EQ(s.passages[0].heading, repeat("abcd ", 39) + "abcd");
  EXPECT_LE(s.passages[0].heading.size(), kMaxHeadingBytes);
}

// ---- FAQ CSV -------------------------------------------------------------------

TEST(KnowledgeText, GivenAFaqWithQuotedCommasAndLineBreaksThenEachRowIsAPassageOnItsLine) {
  const std::string body =
      "question,answer,language\n"
      "Do you ship to Bali?,\"Yes, in 3 days.\nBy boat, \"\"mostly\"\".\",en\n"
      "¿Envían a Bali?,\"Sí, en 3 días.\",es\n";
  const auto s = split(Format::faq_csv, body, "ru");
  EXPECT_TRUE(s.errors.empty());
  ASSERT_EQ(s.passages.size(), 2u);
  EXPECT_EQ(s.passages[0].question, "Do you ship to Bali?");
  EXPECT_EQ(s.passages[0].text, "Yes, in 3 days.\nBy boat, \"mostly\".");
  EXPECT_EQ(s.passages[0].language, "en") << "the row's language, not the document's";
  EXPECT_EQ(s.passages[1].question, "¿Envían a Bali?");
  EXPECT_EQ(s.passages[1].language, "es");
  EXPECT_EQ(lines(s), (std::vector<uint32_t>{2, 4})) << "the quoted line break counts";
  expect_positions_in_order(s);
}

TEST(KnowledgeText, GivenAFaqRowWithAnUnknownLanguageThenThatRowIsAnErrorAndTheOthersStay) {
  const std::string body =
      "\xEF\xBB\xBFquestion,answer,language\n"  // 1: a BOM is fine
      "Do you deliver?,Yes.,fr\n"               // 2: language
      ",No question,en\n"                       // 3: question
      "Open on Sunday?,,en\n"                   // 4: answer
      "Too many,fields,en,extra\n"              // 5: fields
      "Sizes?,\"S, M, L\",EN\n"                 // 6: fine
      "Long?," +
      std::string(kMaxPassageBytes + 1, 'x') +
      ",en\n"                    // 7: too long, not cut
      "\"Unclosed,answer,en\n";  // 8: runs to the end
  const auto s = split(Format::faq_csv, body, "en");
  ASSERT_EQ(s.passages.size(), 1u);
  EXPECT_EQ(s.passages[0].question, "Sizes?");
  EXPECT_EQ(s.passages[0].text, "S, M, L");
  EXPECT_EQ(s.passages[0].language, "en");
  EXPECT_EQ(s.passages[0].line, 6u);
  EXPECT_EQ(s.passages[0].position, 0u);
  EXPECT_EQ(error_lines(s), (std::vector<uint32_t>{2, 3, 4, 5, 7, 8}));
  EXPECT_NE(s.errors[0].message.find("'fr'"), std::string::npos) << s.errors[0].message;
  EXPECT_NE(s.errors[4].message.find("answer"), std::string::npos) << s.errors[4].message;
}

TEST(KnowledgeText, GivenAFaqWithTheWrongHeaderThenItIsOneErrorAtLineOneAndNoPassages) {
  for (const char* body : {"q,a,lang\nX?,Y.,en\n", "question,answer\nX?,Y.\n", ""}) {
    const auto s = split(Format::faq_csv, body, "en");
    EXPECT_TRUE(s.passages.empty()) << body;
    ASSERT_EQ(s.errors.size(), 1u) << body;
    EXPECT_EQ(s.errors[0].line, 1u) << body;
  }
}

TEST(KnowledgeText, GivenAFaqOfManyBadRowsThenTheFirstErrorsAreListedAndTheRestCounted) {
  const auto s =
      split(Format::faq_csv, "question,answer,language\n" + repeat("Q?,A.,fr\n", 150), "en");
  EXPECT_TRUE(s.passages.empty());
  ASSERT_EQ(s.errors.size(), kMaxErrors + 1);
  EXPECT_EQ(s.errors[kMaxErrors - 1].line, kMaxErrors + 1);
  EXPECT_EQ(s.errors.back().line, 0u);
  EXPECT_NE(s.errors.back().message.find("50 more"), std::string::npos);
}

// ---- WhatsApp ------------------------------------------------------------------

TEST(KnowledgeText, GivenAnAndroidExportThenTimestampsAndSystemLinesGoAndMessagesContinue) {
  const std::string chat =
      "12/31/23, 10:14 PM - Messages and calls are end-to-end encrypted. No one outside of "
      "this chat, not even WhatsApp, can read or listen to them. Tap to learn more.\n"
      "12/31/23, 10:15 PM - Ana: hola, ¿tienen envío a Bali?\n"
      "12/31/23, 10:16\xE2\x80\xAFPM - Shop: Sí, en 3 días.\n"
      "Por barco.\n"
      "12/31/23, 10:16 PM - Shop: <Media omitted>\n"
      "12/31/23, 10:17 PM - Ana: ¡Gracias!\n";
  const auto s = split(Format::whatsapp_chat, chat, "es");
  EXPECT_TRUE(s.errors.empty());
  EXPECT_EQ(texts(s), (std::vector<std::string>{"Ana: hola, ¿tienen envío a Bali?\n"
                                                "Shop: Sí, en 3 días.\nPor barco.\n"
                                                "Ana: ¡Gracias!"}));
  EXPECT_EQ(lines(s), (std::vector<uint32_t>{2}));
  EXPECT_EQ(s.passages[0].language, "es");
}

TEST(KnowledgeText, GivenAnIosExportThenItsStampsMediaNoticesAndEditMarksGo) {
  const std::string lrm = "\xE2\x80\x8E";
  const std::string chat =
      "[31/12/2023, 22:15:01] Tienda: " + lrm +
      "Messages and calls are end-to-end encrypted. No one outside of this chat can read them.\n" +
      "[31/12/2023, 22:15:03] Ana: Do you ship to Bali?\n" + lrm +
      "[31/12/2023, 22:15:10] Ana: " + lrm + "image omitted\n" +
      "[31/12/2023, 22:16:00] Tienda: Yes, 3 days.\n"
      "And we wrap it.\n"
      "[31/12/2023, 22:17:00] Ana: Great, thanks <This message was edited>\n";
  const auto s = split(Format::whatsapp_chat, chat, "en");
  EXPECT_TRUE(s.errors.empty());
  EXPECT_EQ(texts(s), (std::vector<std::string>{"Ana: Do you ship to Bali?\n"
                                                "Tienda: Yes, 3 days.\nAnd we wrap it.\n"
                                                "Ana: Great, thanks"}));
  EXPECT_EQ(lines(s), (std::vector<uint32_t>{2}));
}

TEST(KnowledgeText, GivenALongChatThenAPassageEndsWhereItsFirstSpeakerSpeaksAgain) {
  const std::string q(200, 'q'), a(300, 'a'), last(100, 'z');
  const auto said = [](const std::string& who, const std::string& text) {
    return "1/2/24, 9:00 AM - " + who + ": " + text + "\n";
  };
  const std::string chat = said("Ana", q) + said("Shop", a) + said("Ana", q) + said("Shop", a) +
                           said("Shop", a) + said("Ana", last);
  const auto s = split(Format::whatsapp_chat, chat, "en");
  // Ana, Shop, Ana, Shop would fit, but the second question would lose part of its answer.
  EXPECT_EQ(texts(s), (std::vector<std::string>{
                          "Ana: " + q + "\nShop: " + a,
                          "Ana: " + q + "\nShop: " + a + "\nShop: " + a + "\nAna: " + last}));
  EXPECT_EQ(lines(s), (std::vector<uint32_t>{1, 3}));
  expect_positions_in_order(s);
}

TEST(KnowledgeText, GivenOneMessageLongerThanAPassageThenItIsCutAndEachPieceNamesItsSender) {
  const auto s =
      split(Format::whatsapp_chat, "[1/2/24, 09:00:00] Ana: " + repeat("abcd ", 600), "en");
  ASSERT_EQ(s.passages.size(), 3u);
  for (const auto& p : s.passages) {
    EXPECT_LE(p.text.size(), kMaxPassageBytes);
    EXPECT_EQ(p.text.rfind("Ana: ", 0), 0u) << p.text;
    EXPECT_EQ(p.line, 1u);
  }
  EXPECT_EQ(s.passages[0].text.size(), 1199u);
}

TEST(KnowledgeText, GivenTextThatIsNoWhatsAppExportThenThatIsSaid) {
  const auto s = split(Format::whatsapp_chat, "just some notes\nabout the shop\n", "en");
  EXPECT_TRUE(s.passages.empty());
  ASSERT_EQ(s.errors.size(), 1u);
  EXPECT_NE(s.errors[0].message.find("no WhatsApp messages"), std::string::npos);
}

}  // namespace
}  // namespace parley::domain::knowledge
