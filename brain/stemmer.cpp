#include "brain/stemmer.hpp"

#include <libstemmer.h>

#include <algorithm>
#include <memory>

namespace parley::brain {
namespace {

struct StemmerDeleter {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};
using StemmerPtr = std::unique_ptr<sb_stemmer, StemmerDeleter>;

sb_stemmer* stemmer_for(std::string_view language) {
  // libstemmer's stemmers keep state between calls: one per thread.
  thread_local StemmerPtr en{sb_stemmer_new("english", "UTF_8")},
      es{sb_stemmer_new("spanish", "UTF_8")}, ru{sb_stemmer_new("russian", "UTF_8")},
      id{sb_stemmer_new("indonesian", "UTF_8")}, hi{sb_stemmer_new("hindi", "UTF_8")};
  if (language == "en") return en.get();
  if (language == "es") return es.get();
  if (language == "ru") return ru.get();
  if (language == "id") return id.get();
  if (language == "hi") return hi.get();
  return nullptr;
}

}  // namespace

std::string stem(std::string_view language, std::string_view word) {
  sb_stemmer* s = stemmer_for(language);
  // Snowball is for words: numbers and very long tokens pass unchanged.
  if (!s || word.empty() || word.size() > 64) return std::string(word);
  const sb_symbol* out = sb_stemmer_stem(s, reinterpret_cast<const sb_symbol*>(word.data()),
                                         static_cast<int>(word.size()));
  if (!out) return std::string(word);
  return std::string(reinterpret_cast<const char*>(out), static_cast<size_t>(sb_stemmer_length(s)));
}

std::vector<std::string> stems_by_script(std::string_view word) {
  std::vector<std::string> out{std::string(word)};
  auto add = [&](std::string s) {
    if (!s.empty() && std::find(out.begin(), out.end(), s) == out.end())
      out.push_back(std::move(s));
  };
  const auto c = word.empty() ? 0 : static_cast<unsigned char>(word[0]);
  if (c == 0xD0 || c == 0xD1) {
    add(stem("ru", word));
  } else if (c == 0xE0) {
    add(stem("hi", word));
  } else {
    for (const char* lang : {"en", "es", "id"}) add(stem(lang, word));
  }
  return out;
}

}  // namespace parley::brain
