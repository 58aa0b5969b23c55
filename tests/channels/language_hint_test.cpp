// The language a platform suggests before the shopper writes: Telegram's
// language_code and the country of a WhatsApp number, on the five languages
// Parley speaks, and nothing for any other.
#include "channels/language_hint.hpp"

#include <gtest/gtest.h>

namespace parley::channels {
namespace {

TEST(LanguageOfLocale, ReadsThePrimarySubtagOfTheFiveLanguages) {
  EXPECT_EQ(language_of_locale("ru"), "ru");
  EXPECT_EQ(language_of_locale("es-419"), "es");
  EXPECT_EQ(language_of_locale("en-US"), "en");
  EXPECT_EQ(language_of_locale("id"), "id");
  EXPECT_EQ(language_of_locale("hi"), "hi");
  EXPECT_EQ(language_of_locale("ES"), "es");
  EXPECT_EQ(language_of_locale("Ru-ru"), "ru");
  EXPECT_EQ(language_of_locale("en_GB"), "en");
}

TEST(LanguageOfLocale, TakesIndonesiansOldCodeForIndonesian) {
  EXPECT_EQ(language_of_locale("in"), "id");
  EXPECT_EQ(language_of_locale("in-ID"), "id");
}

TEST(LanguageOfLocale, SaysNothingForOtherLanguagesEvenNeighbours) {
  for (const char* code :
       {"de", "pt-BR", "ms", "uk", "be", "kk", "fr-CA", "", "-", "e", "eng", "rus", "english"}) {
    EXPECT_EQ(language_of_locale(code), "") << code;
  }
}

TEST(LanguageOfLocale, SaysNothingForATagLongerThanSixteenBytes) {
  EXPECT_EQ(language_of_locale("en-US-x-sixteen12"), "");   // 17 bytes
  EXPECT_EQ(language_of_locale("en-US-x-sixteen1"), "en");  // 16 bytes
}

TEST(LanguageOfPhone, ReadsTheCountryInEveryPlatformsForm) {
  EXPECT_EQ(language_of_phone("+79161234567"), "ru");
  EXPECT_EQ(language_of_phone("79161234567"), "ru");
  EXPECT_EQ(language_of_phone("whatsapp:+6281234567890"), "id");
  EXPECT_EQ(language_of_phone("6281234567@c.us"), "id");
  EXPECT_EQ(language_of_phone("919812345678@s.whatsapp.net"), "hi");
}

TEST(LanguageOfPhone, KnowsTheCountriesOfEachLanguage) {
  EXPECT_EQ(language_of_phone("77011234567"), "ru");    // Kazakhstan
  EXPECT_EQ(language_of_phone("375291234567"), "ru");   // Belarus
  EXPECT_EQ(language_of_phone("34600111222"), "es");    // Spain
  EXPECT_EQ(language_of_phone("5215512345678"), "es");  // Mexico
  EXPECT_EQ(language_of_phone("5491123456789"), "es");  // Argentina
  EXPECT_EQ(language_of_phone("593991234567"), "es");   // Ecuador
  EXPECT_EQ(language_of_phone("5358123456"), "es");     // Cuba
  EXPECT_EQ(language_of_phone("240222123456"), "es");   // Equatorial Guinea
  EXPECT_EQ(language_of_phone("447700900123"), "en");   // United Kingdom
  EXPECT_EQ(language_of_phone("61412345678"), "en");    // Australia
  EXPECT_EQ(language_of_phone("64211234567"), "en");    // New Zealand
  EXPECT_EQ(language_of_phone("353851234567"), "en");   // Ireland
}

TEST(LanguageOfPhone, TellsTheDominicanRepublicAndPuertoRicoFromTheRestOfPlusOne) {
  EXPECT_EQ(language_of_phone("+14155238886"), "en");  // San Francisco
  EXPECT_EQ(language_of_phone("+16135550123"), "en");  // Ottawa
  EXPECT_EQ(language_of_phone("+18095551234"), "es");
  EXPECT_EQ(language_of_phone("+18295551234"), "es");
  EXPECT_EQ(language_of_phone("+18495551234"), "es");
  EXPECT_EQ(language_of_phone("+17875551234"), "es");
}

TEST(LanguageOfPhone, SaysNothingForOtherCountries) {
  EXPECT_EQ(language_of_phone("4915112345678"), "");  // Germany
  EXPECT_EQ(language_of_phone("5511912345678"), "");  // Brazil
  EXPECT_EQ(language_of_phone("380501234567"), "");   // Ukraine
  EXPECT_EQ(language_of_phone("27821234567"), "");    // South Africa
  EXPECT_EQ(language_of_phone("601123456789"), "");   // Malaysia
  EXPECT_EQ(language_of_phone("8613812345678"), "");  // China
}

TEST(LanguageOfPhone, SaysNothingForWhatIsNotAnInternationalNumber) {
  EXPECT_EQ(language_of_phone(""), "");
  EXPECT_EQ(language_of_phone("7916123"), "");           // 7 digits
  EXPECT_EQ(language_of_phone("6281234"), "");           // 7 digits
  EXPECT_EQ(language_of_phone("7916123456789012"), "");  // 16 digits
  EXPECT_EQ(language_of_phone("089161234567"), "");      // a national number
  EXPECT_EQ(language_of_phone("+7 916 123-45-67"), "");  // stops at the first space
  EXPECT_EQ(language_of_phone("whatsapp:"), "");
  EXPECT_EQ(language_of_phone("Ana"), "");
  EXPECT_EQ(language_of_phone("79161234567-1600000000@g.us"), "");  // a group
  EXPECT_EQ(language_of_phone("120363041234567890@g.us"), "");
  EXPECT_EQ(language_of_phone("79161234567@lid"), "");  // not a phone number
  EXPECT_EQ(language_of_phone("79161234567abc"), "");
}

}  // namespace
}  // namespace parley::channels
