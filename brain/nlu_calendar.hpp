// The words and arithmetic of dates that the datetime reader and the rules
// share: one spelling per time word, weekday and month names in five
// languages, and civil days. Internal to brain/nlu_*.cpp. Pure.
#pragma once

#include <optional>
#include <string>

namespace parley::brain::nlu {

// One spelling per word: Devanagari romanised ("साढ़े" -> "sarhe" ->
// "saade"), then the spellings chat uses for one time word made one
// ("tmrw" -> "tomorrow", "sade" -> "saade"). Other words come back as they are.
std::string time_spelling(const std::string& folded);

// 0 = Monday: abbreviations exactly ("tues", "пн"), names by their stem.
std::optional<int> weekday_word(const std::string& w);
// 1..12: abbreviations exactly ("dec", "дек"); names by a stem long enough not
// to be another word ("martes" is not March, "desde" not December).
std::optional<int> month_word(const std::string& w);

// Days since 1970-01-01 of a civil date, and back (Howard Hinnant's algorithms).
long days_from_civil(int y, int m, int d);
void civil_from_days(long days, int* y, int* m, int* d);
int weekday_of(long days);  // 0 = Monday

}  // namespace parley::brain::nlu
