// The language a platform suggests for a shopper before they have written a
// word: Telegram's language_code, or the country of a WhatsApp number. Used
// for the polite answer to a first message without words (a voice note, a
// photo) so that it comes in the shopper's language rather than English.
// These are hints: words the shopper writes always decide the language.
#pragma once

#include <string>

namespace parley::channels {

// An IETF language tag as Telegram sends it ("ru", "es-419", "pt-BR", "en-US")
// -> en, es, ru, id or hi; "" for any other language (de, pt, uk …). Only the
// primary subtag counts, in any case; "in" is Indonesian's old code. Only the
// five languages' own codes: a Ukrainian or Kazakh interface is not a Russian
// reader, however often it is one.
std::string language_of_locale(const std::string& code);

// A phone number or WhatsApp id as the platforms send it ("+79161234567",
// "79161234567", "whatsapp:+6281234567", "6281234567@c.us") -> the language
// most people of that country read: ru (7, 375), id (62), hi (91), es (the
// Spanish-speaking countries, the Dominican Republic and Puerto Rico among
// NANP's +1), en (the rest of +1, 44, 61, 64, 353); "" for any other country
// and for what is not an international number (fewer than 8 or more than 15
// digits, a leading 0, a WhatsApp group or @lid id).
std::string language_of_phone(const std::string& number);

}  // namespace parley::channels
