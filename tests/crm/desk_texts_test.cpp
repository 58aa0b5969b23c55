// The desk's sentences: every key has a text in every language, with the
// same placeholders as the English one, and the placeholders are filled once.
#include "crm/desk_texts.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>

namespace parley::crm {
namespace {

const char* const kLanguages[] = {"en", "es", "ru", "id", "hi"};

std::vector<DeskText> all_keys() {
  std::vector<DeskText> keys;
  for (int k = 0; k < static_cast<int>(DeskText::key_count); ++k)
    keys.push_back(static_cast<DeskText>(k));
  return keys;
}

std::set<std::string> placeholders(const std::string& text) {
  static const std::regex slot(R"(\{[0-9]+\})");
  std::set<std::string> out;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), slot); it != std::sregex_iterator();
       ++it)
    out.insert(it->str());
  return out;
}

TEST(DeskTexts, EveryKeyHasATextInEveryLanguage) {
  for (DeskText key : all_keys())
    for (const char* language : kLanguages)
      EXPECT_FALSE(desk_text(language, key).empty())
          << "key " << static_cast<int>(key) << " in " << language;
}

TEST(DeskTexts, EveryLanguageHasTheSamePlaceholdersAsEnglish) {
  for (DeskText key : all_keys()) {
    const auto english = placeholders(desk_text("en", key));
    for (const char* language : kLanguages)
      EXPECT_EQ(placeholders(desk_text(language, key)), english)
          << "key " << static_cast<int>(key) << " in " << language << ": "
          << desk_text(language, key);
  }
}

TEST(DeskTexts, AnUnknownLanguageFallsBackToEnglish) {
  for (DeskText key : all_keys()) {
    EXPECT_EQ(desk_text("fr", key), desk_text("en", key));
    EXPECT_EQ(desk_text("", key), desk_text("en", key));
  }
}

TEST(DeskTexts, TheLanguagesAreNotAllEnglish) {
  for (const char* language : {"es", "ru", "id", "hi"})
    EXPECT_NE(desk_text(language, DeskText::no_leads), desk_text("en", DeskText::no_leads))
        << language;
}

TEST(DeskTexts, PlaceholdersAreFilledWithTheArguments) {
  EXPECT_EQ(
      desk_text("en", DeskText::lead_exists, {"Acme Corp", "Priya Sharma", "new"}),
      "A lead for Acme Corp exists already (with Priya Sharma, status new). Nothing created.");
  EXPECT_EQ(desk_text("en", DeskText::unknown_lead, {"Globex"}),
            "I don't know a lead called \"Globex\". Create it with \"New lead: Globex, contact, "
            "phone\".");
  EXPECT_EQ(desk_text("es", DeskText::leads_header, {"3"}), "Tus leads (3):");
}

TEST(DeskTexts, AnArgumentThatLooksLikeAPlaceholderStaysAsWritten) {
  EXPECT_EQ(desk_text("en", DeskText::reassigned, {"{1} Ltd", "{0}"}),
            "✅ {1} Ltd is now with {0}.");
  EXPECT_EQ(
      desk_text("en", DeskText::unknown_lead, {"{0}"}),
      "I don't know a lead called \"{0}\". Create it with \"New lead: {0}, contact, phone\".");
}

TEST(DeskTexts, APlaceholderWithoutAnArgumentIsLeftAlone) {
  EXPECT_EQ(desk_text("en", DeskText::history_header), "History of {0}:");
}

}  // namespace
}  // namespace parley::crm
