// Slot extractors of understanding, one per family of slots. Each reads the
// tokens (and the original text) and writes into the Understanding. Pure.
#pragma once

#include "brain/nlu.hpp"
#include "brain/nlu_tokens.hpp"

namespace parley::brain::nlu {

// Digits of a phone number (8-15 digits, '+' kept), or "".
std::string find_phone(const std::string& text);
std::string find_email(const std::string& text);  // lower case, or ""

void cart_slots(const Tokens& tk, Understanding* u);     // quantity, ordinal, product, color, size
void search_slots(const Tokens& tk, Understanding* u);   // query, category, prices, color, size
void details_slots(const Tokens& tk, Understanding* u);  // name, phone, email, address, city
void order_slots(const Tokens& tk, Understanding* u);    // order_id
void crm_slots(const Tokens& tk, const LocalNow& now, Understanding* u);

// True if the folded word is a cue word of some intent (not content).
bool is_cue_word(const std::string& folded);

}  // namespace parley::brain::nlu
