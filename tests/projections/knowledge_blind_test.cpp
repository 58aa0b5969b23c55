// Knowledge search on questions nobody tuned on: 60 shopper questions in five
// languages (data/knowledge/service_questions_blind.tsv, written before the
// service lexicon and not edited after) against an English FAQ of eight topics
// (tests/data/knowledge/shop_faq.csv). The first passage must be the question's
// topic. Measured 56 of 60 when written (en 8/12, es, ru, id, hi 12/12); the
// floor leaves room for changes that trade one question for another.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "brain/lexicon.hpp"
#include "projections/passage_index.hpp"

namespace parley::projections {
namespace {

std::string read(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(KnowledgeBlind, MostQuestionsInFiveLanguagesFindTheirTopicFirst) {
  const std::string lexicon_text = read(PARLEY_SERVICE_LEXICON);
  ASSERT_FALSE(lexicon_text.empty());
  const brain::Lexicon services(lexicon_text);
  const auto split =
      domain::knowledge::split(domain::knowledge::Format::faq_csv, read(PARLEY_SHOP_FAQ), "en");
  ASSERT_EQ(split.passages.size(), 8u);
  // The FAQ's rows, in order, are these topics.
  const std::vector<std::string> topic_of = {"shipping", "returns",      "hours",   "payment",
                                             "discount", "order_status", "contact", "sizes"};
  std::vector<PassageIndex::Entry> entries;
  for (const auto& p : split.passages) entries.push_back({"faq", "Shop FAQ", p});
  PassageIndex index(std::move(entries), &services);

  std::istringstream tsv(read(PARLEY_KNOWLEDGE_BLIND));
  std::string line;
  std::getline(tsv, line);                                 // the header
  std::map<std::string, std::pair<int, int>> by_language;  // right, asked
  int right = 0, asked = 0;
  while (std::getline(tsv, line)) {
    std::istringstream fields(line);
    std::string language, question, topic;
    std::getline(fields, language, '\t');
    std::getline(fields, question, '\t');
    std::getline(fields, topic, '\t');
    const auto hits = index.search(question, language, 1);
    const bool ok = !hits.empty() && topic_of.at(hits[0].entry->passage.position) == topic;
    right += ok;
    ++asked;
    by_language[language].first += ok;
    ++by_language[language].second;
  }
  std::string report;
  for (const auto& [l, n] : by_language)
    report += l + " " + std::to_string(n.first) + "/" + std::to_string(n.second) + "  ";
  EXPECT_EQ(asked, 60);
  EXPECT_GE(right, 52) << report;
  for (const auto& [l, n] : by_language)
    EXPECT_GE(n.first * 3, n.second * 2) << l << ": " << report;
  std::printf("knowledge blind: %d/%d  %s\n", right, asked, report.c_str());
}

}  // namespace
}  // namespace parley::projections
