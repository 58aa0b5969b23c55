// Devanagari to the Latin spelling Hinglish writers use, so Hindi in either
// script reaches the same features: ICU's Devanagari-Latin transform, then
// the habits of chat romanisation (no final schwa: कर -> "kar"; च -> "ch";
// श/ष -> "sh"; no apostrophes), then ICU's Latin-ASCII and lower case.
// Text without Devanagari comes back unchanged. Pure; thread-safe (one
// transliterator per thread).
#pragma once

#include <string>
#include <string_view>

namespace parley::brain {

bool has_devanagari(std::string_view utf8);

// "मुझे लाल हील्स चाहिए" -> "mujhe lal hils chahie". Other characters pass through.
std::string romanize_devanagari(std::string_view utf8);

// Cyrillic or Devanagari to plain lower-case Latin, for names written in
// another script than the catalog's ("лунель" -> "lunel", "кларо" -> "klaro",
// "लुनेल" -> "lunel"); ICU's Cyrillic-Latin and the romanisation above.
std::string to_latin(std::string_view utf8);

}  // namespace parley::brain
