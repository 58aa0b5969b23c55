#include "brain/lexicon.hpp"

#include <algorithm>
#include <sstream>

#include "brain/text.hpp"

namespace parley::brain {

extern const char* const kLexiconData;

namespace {

const char* const kColors[] = {"black", "white",       "red",    "blue",   "green",    "yellow",
                               "pink",  "beige",       "brown",  "grey",   "silver",   "gold",
                               "nude",  "navy",        "orange", "purple", "burgundy", "tan",
                               "cream", "transparent", "khaki",  "olive",  "ivory",    "camel"};

std::vector<std::string> split_ws(const std::string& s) {
  std::istringstream is(s);
  std::vector<std::string> out;
  for (std::string w; is >> w;) out.push_back(w);
  return out;
}

}  // namespace

bool is_color_word(const std::string& w) {
  return std::any_of(std::begin(kColors), std::end(kColors), [&](const char* c) { return w == c; });
}

const Lexicon& Lexicon::builtin() {
  static const Lexicon lexicon(kLexiconData);
  return lexicon;
}

Lexicon::Lexicon(std::string_view data) {
  std::istringstream in{std::string(data)};
  for (std::string line; std::getline(in, line);) {
    auto hash = line.find('#');
    if (hash != std::string::npos) line.resize(hash);
    auto eq = line.find('=');
    if (eq == std::string::npos) continue;
    auto keys = split_ws(line.substr(0, eq));
    auto terms = split_ws(line.substr(eq + 1));
    for (auto key : keys) {
      key = fold(key);
      if (terms.size() == 1 && terms[0] == "-") {
        stop_.push_back(key);
        continue;
      }
      bool prefix = !key.empty() && key.back() == '*';
      if (prefix) key.pop_back();
      all_keys_.push_back(key);
      (prefix ? prefix_ : exact_).push_back({key, prefix, terms});
    }
  }
  auto by_key = [](const Entry& a, const Entry& b) { return a.key < b.key; };
  std::stable_sort(exact_.begin(), exact_.end(), by_key);
  // Prefix keys by key, the first of equal keys (in file order) first: a
  // token looks up each of its own prefixes, longest first. A scan of every
  // prefix key per token was a fifth of understanding's time once the
  // lexicon held ~1,000 of them (perf on parley_nlu_bench).
  std::stable_sort(prefix_.begin(), prefix_.end(), by_key);
  std::sort(stop_.begin(), stop_.end());
  for (const auto& e : exact_) exact_index_.emplace(e.key, &e);  // the first of equal keys
  for (const auto& e : prefix_) {
    prefix_index_.emplace(e.key, &e);
    if (prefix_length_.size() <= e.key.size()) prefix_length_.resize(e.key.size() + 1);
    prefix_length_[e.key.size()] = true;
  }
  stop_index_.insert(stop_.begin(), stop_.end());
}

const std::vector<std::string>* Lexicon::translate(const std::string& token) const {
  const std::string_view t(token);
  if (auto it = exact_index_.find(t); it != exact_index_.end()) return &it->second->terms;
  const size_t longest = prefix_length_.empty() ? 0 : prefix_length_.size() - 1;
  for (size_t len = std::min(token.size(), longest); len > 0; --len) {
    if (!prefix_length_[len]) continue;
    if (auto p = prefix_index_.find(t.substr(0, len)); p != prefix_index_.end())
      return &p->second->terms;
  }
  return nullptr;
}

bool Lexicon::is_stopword(const std::string& token) const {
  return stop_index_.count(token) > 0;
}

bool Lexicon::names_goods(const std::string& token) const {
  return !is_stopword(token) && (translate(token) || !color_of(token).empty());
}

size_t Lexicon::goods_words(std::string_view text) const {
  size_t n = 0;
  for (const auto& w : tokenize(fold(text))) n += names_goods(w);
  return n;
}

std::string Lexicon::color_of(const std::string& token) const {
  if (is_color_word(token)) return token;
  if (auto* t = translate(token))
    if (t->size() == 1 && is_color_word(t->front())) return t->front();
  return "";
}

}  // namespace parley::brain
