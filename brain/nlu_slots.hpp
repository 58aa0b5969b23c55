// Slot extractors of understanding, one per family of slots. Each reads the
// tokens (and the original text) and writes into the Understanding. Pure.
#pragma once

#include "brain/nlu.hpp"
#include "brain/nlu_tokens.hpp"

namespace parley::brain::nlu {

// Digits of a phone number (8-15 digits, '+' kept), or "".
std::string find_phone(const std::string& text);
std::string find_email(const std::string& text);  // lower case, or ""
// The name a message clearly gives ("my name is Ana", "I am Maria and…",
// "меня зовут Айгерим"), as typed, or "".
std::string given_name(const Tokens& tokens);
// The first SKU-shaped word ("hw-scr-014" -> "HW-SCR-014"), upper case, or "".
std::string find_sku(const std::string& text);

void cart_slots(const Tokens& tk, Understanding* u);     // quantity, ordinal, product, color, size
void search_slots(const Tokens& tk, Understanding* u);   // query, category, prices, color, size
void details_slots(const Tokens& tk, Understanding* u);  // name, phone, email, address, city
void order_slots(const Tokens& tk, Understanding* u);    // order_id
void crm_slots(const Tokens& tk, const LocalNow& now, Understanding* u);

// True if the folded word is a cue word of some intent (not content).
bool is_cue_word(const std::string& folded);
// Replaces each word of five or more letters that no cue, lexicon entry or
// number knows with the one cue word within one edit ("chekout" -> "checkout",
// "cancle" -> "cancel"). The original bytes stay, so slots keep what was typed.
void correct_typos(Tokens* tokens);

// Trims white space, ASCII punctuation and the separators – — । from both
// ends, never cutting a multi-byte character.
std::string trim_slot(std::string s);
// Hinglish "kar do", "hata do": token i is the verb "do" (give), not the number two.
bool light_verb_do(const Tokens& tk, size_t i);
// True if the message names a price bound or range ("under 50", "desde 2.500").
bool has_price(const Tokens& tk);

}  // namespace parley::brain::nlu
