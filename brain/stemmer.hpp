// Snowball stemmers (libstemmer) for the five languages, on folded words.
// Thread-safe: each thread keeps its own stemmer per language.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace parley::brain {

// language: "en", "es", "ru", "id" or "hi"; any other returns the word as is.
std::string stem(std::string_view language, std::string_view folded_word);

// The stems a word may have when its language is unknown, by its script:
// Cyrillic -> Russian; Devanagari -> Hindi; Latin -> English, Spanish and
// Indonesian. The word itself comes first; no duplicates.
std::vector<std::string> stems_by_script(std::string_view folded_word);

}  // namespace parley::brain
