// Sizes said without a size word, as the shop's customers say them: metric
// threads ("M8"), letter sizes ("XL"), millimetres ("8mm", "6 mm"), and a
// shoe size after the shoe ("botines negros 40", "del 37", "in 39", "no 38").
#include <cstdlib>

#include "brain/lexicon.hpp"
#include "brain/nlu_internal.hpp"
#include "brain/nlu_numbers.hpp"

namespace parley::brain::nlu {
namespace {

bool is_digits(const std::string& s, size_t from) {
  if (from >= s.size()) return false;
  for (size_t i = from; i < s.size(); ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

// "m8", "M10", "м8": a metric thread.
bool thread_size(const std::string& w) {
  const size_t letter = w.rfind("м", 0) == 0 ? 2 : w.rfind("m", 0) == 0 ? 1 : 0;
  return letter > 0 && w.size() > letter && w.size() <= letter + 2 && is_digits(w, letter);
}

bool letter_size(const std::string& w) {
  static const std::set<std::string> sizes = {"xxs", "xs", "xl", "xxl", "xxxl", "2xl", "3xl"};
  return sizes.count(w) > 0;
}

// A word for shoes in any language: the English word, or what the lexicon
// translates it to ("botines" -> boot, "जूते" -> shoe).
bool footwear(const std::string& w) {
  static const std::set<std::string> kinds = {
      "shoe",   "boot",  "sneaker", "trainer", "heel",  "sandal",   "loafer",     "slipper",
      "slides", "flops", "flats",   "wedges",  "pumps", "moccasin", "espadrille", "clog"};
  auto is_kind = [](const std::string& t) {
    std::string singular = t;
    if (singular.size() > 3 && singular.back() == 's') singular.pop_back();
    return kinds.count(t) > 0 || kinds.count(singular) > 0;
  };
  if (is_kind(w)) return true;
  if (const auto* terms = Lexicon::builtin().translate(w))
    for (const auto& t : *terms)
      if (is_kind(t) || t == "flat") return true;
  return false;
}

int number_at(const Tokens& tk, size_t i) {
  return i < tk.size() && tk.t[i].kind == Token::number && is_digits(tk.f(i), 0) &&
                 tk.f(i).size() <= 2
             ? std::atoi(tk.f(i).c_str())
             : -1;
}

}  // namespace

void sizes_without_a_size_word(const Tokens& tk, std::map<std::string, std::string>* text_slots,
                               std::set<size_t>* used) {
  if (text_slots->count("size")) return;
  size_t shoe = tk.size();
  for (size_t i = 0; i < tk.size() && shoe == tk.size(); ++i)
    if (tk.t[i].kind == Token::word && footwear(tk.f(i))) shoe = i;
  static const std::set<std::string> marks = {"in", "no", "nomor", "numero", "en", "uk", "eu"};
  for (size_t i = 0; i < tk.size(); ++i) {
    if (used->count(i)) continue;
    const std::string& w = tk.f(i);
    if (tk.t[i].kind == Token::word && (thread_size(w) || letter_size(w))) {
      (*text_slots)["size"] = tk.span(i, i);
      used->insert(i);
      return;
    }
    // "8mm", "6 mm"
    if ((w.size() > 2 && w.compare(w.size() - 2, 2, "mm") == 0 &&
         is_digits(w.substr(0, w.size() - 2), 0)) ||
        (number_at(tk, i) > 0 && tk.is(i + 1, "mm"))) {
      const size_t end = tk.is(i + 1, "mm") ? i + 1 : i;
      (*text_slots)["size"] = tk.span(i, end);
      for (size_t k = i; k <= end; ++k) used->insert(k);
      return;
    }
    // A shoe size: 33..48 after "del" ("zapatillas del 38"), or with a shoe
    // named before it ("botines negros 40") or marked ("in 39", "uk 38").
    const int n = number_at(tk, i);
    if (n >= 33 && n <= 48 && i > 0 && tk.is(i - 1, "del")) {
      (*text_slots)["size"] = tk.span(i, i);
      used->insert(i);
      return;
    }
    if (shoe == tk.size() || n < 33 || n > 48) continue;
    const bool marked = i > 0 && marks.count(tk.f(i - 1));
    const bool after_shoe = i > shoe && (i + 1 >= tk.size() || tk.t[i + 1].kind != Token::word ||
                                         !footwear(tk.f(i + 1)));
    if (marked || after_shoe) {
      (*text_slots)["size"] = tk.span(i, i);
      used->insert(i);
      return;
    }
  }
}

}  // namespace parley::brain::nlu
