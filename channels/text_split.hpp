// Splitting a long message at a platform's limit without breaking a UTF-8
// sequence, preferring a paragraph, then a line, then a sentence, then a word.
#pragma once

#include <string>
#include <vector>

namespace parley::channels {

// Length as the platforms count it: UTF-16 code units (an emoji counts 2).
size_t utf16_length(const std::string& utf8);
// Pieces of at most `limit` UTF-16 units each; their concatenation, with the
// white space at each cut dropped, is the text. Empty text gives no pieces.
std::vector<std::string> split_text(const std::string& utf8, size_t limit);

}  // namespace parley::channels
