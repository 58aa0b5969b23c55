#include "brain/slot_tagger.hpp"

#include <algorithm>
#include <cctype>

#include "brain/lexicon.hpp"
#include "brain/nlu_corpus.hpp"
#include "brain/nlu_internal.hpp"
#include "brain/nlu_slots.hpp"
#include "brain/romanize.hpp"

namespace parley::brain {
namespace {

const char* const kSlots[] = {"company",        "contact_name", "assignee", "product", "query",
                              "category",       "name",         "address",  "city",    "source",
                              "current_system", "challenges",   "turnover", "note"};

// Xx, x, X, d, or a mix: the word's look, with runs collapsed ("Acme" -> "Xx").
std::string shape_of(const std::string& original) {
  std::string s;
  for (unsigned char c : original) {
    char k = std::isdigit(c)   ? 'd'
             : std::isupper(c) ? 'X'
             : std::islower(c) ? 'x'
             : c >= 0x80       ? 'u'
                               : '.';
    if (s.empty() || s.back() != k) s.push_back(k);
    if (s.size() >= 4) break;
  }
  return s;
}

std::string prefix_cps(const std::string& w, size_t n) {
  size_t i = 0, k = 0;
  while (i < w.size() && k < n) {
    const auto c = static_cast<unsigned char>(w[i]);
    i += c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    ++k;
  }
  return w.substr(0, std::min(i, w.size()));
}

std::string suffix_cps(const std::string& w, size_t n) {
  size_t i = w.size(), k = 0;
  while (i > 0 && k < n) {
    --i;
    while (i > 0 && (static_cast<unsigned char>(w[i]) & 0xC0) == 0x80) --i;
    ++k;
  }
  return w.substr(i);
}

bool is_name_slot(const std::string& slot) {
  return slot == "company" || slot == "contact_name" || slot == "assignee" || slot == "name";
}

// A capitalised word that is no cue word of a command.
bool grows_name(const nlu::Tokens& tk, size_t i) {
  return tk.t[i].kind == nlu::Token::word && tk.t[i].capitalized && !nlu::is_cue_word(tk.f(i)) &&
         !nlu::function_words().count(tk.f(i));
}

}  // namespace

const std::vector<std::string>& slot_tags() {
  static const std::vector<std::string> tags = [] {
    std::vector<std::string> t{"O"};
    for (const char* s : kSlots) {
      t.push_back(std::string("B-") + s);
      t.push_back(std::string("I-") + s);
    }
    return t;
  }();
  return tags;
}

bool is_tagged_slot(const std::string& slot) {
  return std::any_of(std::begin(kSlots), std::end(kSlots),
                     [&](const char* s) { return slot == s; });
}

TokenFeatures::TokenFeatures(const nlu::Tokens& tk, const std::string& intent)
    : tokens_(tk), intent_(intent) {
  for (const auto& t : tk.t) {
    words_.push_back(t.kind == nlu::Token::number ? "#"
                     : has_devanagari(t.folded)   ? romanize_devanagari(t.folded)
                                                  : t.folded);
    if (words_.back().size() > 48) words_.back().resize(48);
    shapes_.push_back(shape_of(tk.text.substr(t.begin, std::min<size_t>(t.end - t.begin, 16))));
  }
  typed_.assign(tk.size(), false);
  for (const std::string& typed : {nlu::find_phone(tk.text), nlu::find_email(tk.text)}) {
    if (typed.empty()) continue;
    for (size_t i = 0; i < tk.size(); ++i) {
      std::string digits;
      for (char c : tk.t[i].folded)
        if (std::isdigit(static_cast<unsigned char>(c))) digits.push_back(c);
      if (tk.t[i].folded.find('@') != std::string::npos ||
          (digits.size() >= 2 && typed.find(digits) != std::string::npos))
        typed_[i] = true;
    }
  }
}

std::vector<Feature> TokenFeatures::at(size_t i, const std::string& prev) const {
  std::vector<Feature> f;
  f.reserve(32);
  // Each name hashed from its parts, not built: this ran for every token and
  // was a fifth of understanding (issue 22). The ids are the same.
  auto add = [&](std::initializer_list<std::string_view> name) {
    f.push_back({feature_id(name), 1.0f});
  };
  const std::string_view w = words_[i];
  auto word = [&](long k) -> std::string_view {
    const long j = static_cast<long>(i) + k;
    if (j < 0) return "<s>";
    if (j >= static_cast<long>(words_.size())) return "</s>";
    return words_[static_cast<size_t>(j)];
  };
  const std::string_view I = intent_, T = prev, sh = shapes_[i];
  const std::string p3 = prefix_cps(words_[i], 3), s3 = suffix_cps(words_[i], 3),
                    s2 = suffix_cps(words_[i], 2);
  add({"b"});
  add({"w=", w});
  add({"p3=", p3});
  add({"s3=", s3});
  add({"s2=", s2});
  add({"sh=", sh});
  add({"w-1=", word(-1)});
  add({"w+1=", word(1)});
  add({"w-2=", word(-2)});
  add({"w+2=", word(2)});
  add({"w-1w=", word(-1), "|", w});
  add({"ww+1=", w, "|", word(1)});
  add({"I=", I});
  add({"Iw=", I, "|", w});
  add({"Iw-1=", I, "|", word(-1)});
  add({"Iw+1=", I, "|", word(1)});
  add({"Ish=", I, "|", sh});
  add({"T=", T});
  add({"TI=", T, "|", I});
  add({"Tw=", T, "|", w});
  add({"TIw-1=", T, "|", I, "|", word(-1)});
  if (typed_[i]) add({"typed"});
  if (nlu::is_cue_word(tokens_.t[i].folded)) add({"cue"});
  add({i == 0 ? "pos=0" : i == 1 ? "pos=1" : i < 4 ? "pos=2-3" : "pos=4+"});
  // The last separator before the token (":" after "lead", "," between fields).
  for (size_t k = i; k-- > 0;)
    if (tokens_.t[k].kind == nlu::Token::punct) {
      add({"pp=", tokens_.t[k].folded});
      add({"pp=", tokens_.t[k].folded, "|", word(static_cast<long>(k) - static_cast<long>(i) - 1)});
      break;
    }
  std::sort(f.begin(), f.end(), [](const Feature& a, const Feature& b) { return a.id < b.id; });
  f.erase(std::unique(f.begin(), f.end(),
                      [](const Feature& a, const Feature& b) { return a.id == b.id; }),
          f.end());
  return f;
}

std::vector<std::string> tag_tokens(const LinearModel& model, const nlu::Tokens& tk,
                                    const std::string& intent) {
  std::vector<std::string> tags;
  if (model.empty()) return std::vector<std::string>(tk.size(), "O");
  TokenFeatures features(tk, intent);
  std::string prev = "O";
  for (size_t i = 0; i < tk.size(); ++i) {
    const auto s = model.scores(features.at(i, prev));
    const size_t best = static_cast<size_t>(std::max_element(s.begin(), s.end()) - s.begin());
    std::string t = model.labels()[best];
    if (t.rfind("I-", 0) == 0 && (prev.size() < 2 || prev.compare(2, std::string::npos, t, 2) != 0))
      t[0] = 'B';
    tags.push_back(t);
    prev = t;
  }
  return tags;
}

std::map<std::string, std::string> tagged_slots(const nlu::Tokens& tk,
                                                const std::vector<std::string>& tags) {
  std::map<std::string, std::string> out;
  std::map<std::string, size_t> widths;
  for (size_t i = 0; i < tags.size(); ++i) {
    if (tags[i].rfind("B-", 0) != 0) continue;
    const std::string slot = tags[i].substr(2);
    size_t j = i;
    while (j + 1 < tags.size() && tags[j + 1] == "I-" + slot) ++j;
    // What is sought never starts with a filler word ("cheap sunglasses",
    // "some screws"): the labels leave them out, and the tagger may not.
    size_t b = i;
    if (slot == "query" || slot == "product")
      while (b < j && nlu::function_words().count(tk.f(b)) &&
             !Lexicon::builtin().translate(tk.f(b)))
        ++b;
    // Names are runs of capitalised words: a span the tagger began or ended
    // inside one grows to the whole run ("from Sharma Textiles" tagged
    // "Textiles" is "Sharma Textiles").
    size_t e = j;
    // An amount or a house number belongs to the words after it ("5 crore",
    // "12 MG Road").
    // A lone number the tagger gave a span of its own is taken too.
    if (slot == "turnover" || slot == "address")
      while (b > 0 && tk.t[b - 1].kind == nlu::Token::number &&
             (tags[b - 1] == "O" || tags[b - 1].rfind("B-", 0) == 0))
        --b;
    if (is_name_slot(slot)) {
      while (b > 1 && grows_name(tk, b - 1)) --b;
      while (e + 1 < tk.size() && grows_name(tk, e + 1) && tags[e + 1] == "O") ++e;
    }
    // Of several spans of one slot the one with most words stands ("contact
    // is Vikram Sharma" over a stray "Sharma").
    // A one-word name that is a command word ("Reschedule meeting for
    // Globex") is no name.
    if (is_name_slot(slot) && b == e && nlu::is_cue_word(tk.f(b))) {
      i = j;
      continue;
    }
    std::string v = nlu::trim_slot(tk.span(b, e));
    if (!v.empty() && (!out.count(slot) || e - b + 1 > widths[slot])) {
      out[slot] = v;
      widths[slot] = e - b + 1;
    }
    i = j;
  }
  return out;
}

std::vector<std::string> gold_tags(const nlu::Tokens& tk,
                                   const std::map<std::string, std::string>& slots) {
  std::vector<std::string> tags(tk.size(), "O");
  for (const auto& [slot, key] : slots) {
    if (!is_tagged_slot(slot) || key.empty()) continue;
    // The shortest span, leftmost, whose text is the value.
    bool found = false;
    for (size_t len = 1; len <= tk.size() && !found; ++len)
      for (size_t i = 0; i + len <= tk.size() && !found; ++i) {
        const size_t j = i + len - 1;
        if (tags[i] != "O" || corpus::slot_key(slot, tk.span(i, j)) != key) continue;
        bool free = true;
        for (size_t k = i; k <= j; ++k) free = free && tags[k] == "O";
        if (!free) continue;
        tags[i] = "B-" + slot;
        for (size_t k = i + 1; k <= j; ++k) tags[k] = "I-" + slot;
        found = true;
      }
  }
  return tags;
}

}  // namespace parley::brain
