// Text normalisation shared by search and understanding: case folding across
// Latin, Cyrillic and Devanagari, accent stripping, tokenising and
// edit distance edit distance for typo tolerance. Pure.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace parley::brain {

// Lower case; Latin accents removed (é -> e, ñ -> n, ü -> u); Cyrillic lower
// case with ё -> е; other scripts unchanged. Invalid UTF-8 bytes are dropped.
std::string fold(std::string_view utf8);

// Splits folded text into tokens of letters and digits (any script; Devanagari
// vowel signs stay in their word). Digits and letters are split apart ("8mm" ->
// "8","mm"; "spf50" -> "spf","50") except one letter before digits ("m8", "a2").
// A decimal "3.5" stays one token.
std::vector<std::string> tokenize(std::string_view folded);

// Damerau-Levenshtein distance (adjacent transpositions count 1) over bytes,
// giving up (returning limit + 1) once it exceeds `limit`.
size_t edit_distance(std::string_view a, std::string_view b, size_t limit);

// True for a token made of ASCII digits (with at most one '.').
bool is_number(std::string_view token);

}  // namespace parley::brain
