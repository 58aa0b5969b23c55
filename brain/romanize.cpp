#include "brain/romanize.hpp"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>

namespace parley::brain {
namespace {

std::unique_ptr<icu::Transliterator> make(const char* id) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t(
      icu::Transliterator::createInstance(id, UTRANS_FORWARD, status));
  if (U_FAILURE(status)) return nullptr;
  return t;
}

// ICU transliterators are not safe to share between threads; creating one
// costs about a millisecond, so each thread keeps its own.
icu::Transliterator* to_latin() {
  thread_local std::unique_ptr<icu::Transliterator> t = make("Devanagari-Latin");
  return t.get();
}
icu::Transliterator* cyrillic_to_ascii() {
  thread_local std::unique_ptr<icu::Transliterator> t = make("Cyrillic-Latin; Latin-ASCII; Lower");
  return t.get();
}
icu::Transliterator* to_ascii() {
  thread_local std::unique_ptr<icu::Transliterator> t = make("Latin-ASCII; Lower");
  return t.get();
}

bool is_latin_letter(UChar32 c) {
  return u_hasBinaryProperty(c, UCHAR_ALPHABETIC) && c < 0x2000;
}

bool is_consonant_letter(UChar32 c) {
  static const icu::UnicodeString vowels(u"aeiouAEIOUāīūēōṛṝḷḹ");
  return is_latin_letter(c) && vowels.indexOf(c) < 0;
}

// Chat habits on ICU's ISO 15919 output: the inherent vowel is not said at
// the end of a word of three or more letters ("kara" -> "kar", "lāla" ->
// "lāl"; long "ā" stays), c is "ch", ś and ṣ are "sh", and the apostrophe
// that separates vowels goes.
icu::UnicodeString chat_spelling(const icu::UnicodeString& in) {
  icu::UnicodeString out;
  const int32_t n = in.length();
  int32_t word_len = 0;
  for (int32_t i = 0; i < n; ++i) {
    const UChar32 c = in.char32At(i);
    if (U16_IS_LEAD(in.charAt(i))) ++i;
    const bool letter = is_latin_letter(c);
    if (c == u'a' && word_len >= 2 && out.length() > 0 &&
        is_consonant_letter(out.char32At(out.length() - 1))) {
      const UChar32 next = i + 1 < n ? in.char32At(i + 1) : 0;
      if (!is_latin_letter(next) && next != u'\'') {
        word_len = 0;
        continue;
      }
    }
    if (c == u'\'') continue;
    if (c == u'c' || c == u'C') {
      out.append(u"ch");
    } else if (c == 0x015B || c == 0x1E63) {  // ś, ṣ
      out.append(u"sh");
    } else if (c == 0x1E41 || c == 0x1E43) {  // anusvara ṁ/ṃ: "hain", "kahan"
      out.append(u'n');
    } else if (c == 0x0310) {  // candrabindu over m: drop the mark, m -> n
      if (out.length() > 0 && out.charAt(out.length() - 1) == u'm')
        out.setCharAt(out.length() - 1, u'n');
    } else {
      out.append(c);
    }
    word_len = letter ? word_len + 1 : 0;
  }
  return out;
}

}  // namespace

bool has_devanagari(std::string_view s) {
  for (size_t i = 0; i + 1 < s.size(); ++i)
    if (static_cast<unsigned char>(s[i]) == 0xE0 && (static_cast<unsigned char>(s[i + 1]) == 0xA4 ||
                                                     static_cast<unsigned char>(s[i + 1]) == 0xA5))
      return true;
  return false;
}

namespace {

bool devanagari_at(std::string_view s, size_t i) {
  return i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE0 &&
         (static_cast<unsigned char>(s[i + 1]) == 0xA4 ||
          static_cast<unsigned char>(s[i + 1]) == 0xA5);
}

std::string romanize_run(std::string_view run, icu::Transliterator* latin,
                         icu::Transliterator* ascii) {
  icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(run.data(), static_cast<int32_t>(run.size())));
  latin->transliterate(u);
  u = chat_spelling(u);
  ascii->transliterate(u);
  std::string out;
  u.toUTF8String(out);
  return out;
}

}  // namespace

std::string romanize_devanagari(std::string_view utf8) {
  if (!has_devanagari(utf8)) return std::string(utf8);
  auto* latin = to_latin();
  auto* ascii = to_ascii();
  if (!latin || !ascii) return std::string(utf8);  // ICU data missing: keep the script
  // Only the Devanagari runs are transliterated: Latin words beside them keep
  // their spelling ("abc" must not become "abch").
  std::string out;
  size_t i = 0;
  while (i < utf8.size()) {
    size_t j = i;
    if (devanagari_at(utf8, i)) {
      while (j < utf8.size() && devanagari_at(utf8, j)) j += 3;
      out += romanize_run(utf8.substr(i, j - i), latin, ascii);
    } else {
      while (j < utf8.size() && !devanagari_at(utf8, j)) ++j;
      out.append(utf8.substr(i, j - i));
    }
    i = j;
  }
  return out;
}

std::string to_latin(std::string_view utf8) {
  std::string s = romanize_devanagari(utf8);
  auto* t = cyrillic_to_ascii();
  if (!t) return s;
  icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  t->transliterate(u);
  std::string out;
  u.toUTF8String(out);
  // Soft and hard signs become apostrophes; names have none.
  out.erase(std::remove(out.begin(), out.end(), '\''), out.end());
  return out;
}

}  // namespace parley::brain
