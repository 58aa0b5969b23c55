#include "brain/intent_features.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include "brain/lexicon.hpp"
#include "brain/nlu_cues.hpp"
#include "brain/nlu_numbers.hpp"
#include "brain/nlu_slots.hpp"
#include "brain/romanize.hpp"
#include "brain/stemmer.hpp"
#include "brain/text.hpp"

namespace parley::brain {
namespace {

using nlu::Token;
using nlu::Tokens;

// The cue classes of the rules, each a feature of its own: the model learns
// how much each is worth, and a class covers words no corpus line used.
const std::pair<const char*, const nlu::Cues*> kCueClasses[] = {
    {"greet", &nlu::cues::greet},
    {"goodbye", &nlu::cues::goodbye},
    {"thanks", &nlu::cues::thanks},
    {"affirm", &nlu::cues::affirm},
    {"deny", &nlu::cues::deny},
    {"handoff", &nlu::cues::handoff},
    {"order_word", &nlu::cues::order_word},
    {"order_status", &nlu::cues::order_status},
    {"where", &nlu::cues::where},
    {"pay", &nlu::cues::pay},
    {"payment_link", &nlu::cues::payment_link_word},
    {"how", &nlu::cues::how},
    {"checkout", &nlu::cues::checkout},
    {"cart", &nlu::cues::cart},
    {"clear", &nlu::cues::clear},
    {"everything", &nlu::cues::everything},
    {"view", &nlu::cues::view},
    {"total", &nlu::cues::total},
    {"remove", &nlu::cues::remove},
    {"add", &nlu::cues::add},
    {"put_in", &nlu::cues::put_in},
    {"take", &nlu::cues::take},
    {"quantity", &nlu::cues::quantity_word},
    {"instead", &nlu::cues::instead},
    {"product_info", &nlu::cues::product_info},
    {"search", &nlu::cues::search},
    {"category", &nlu::cues::category},
    {"details_name", &nlu::cues::details_name},
    {"details_phone", &nlu::cues::details_phone},
    {"details_email", &nlu::cues::details_email},
    {"details_address", &nlu::cues::details_address},
    {"lead", &nlu::cues::lead},
    {"new", &nlu::cues::new_word},
    {"create", &nlu::cues::create},
    {"qualify", &nlu::cues::qualify},
    {"reassign", &nlu::cues::reassign},
    {"meeting", &nlu::cues::meeting},
    {"demo", &nlu::cues::demo},
    {"done", &nlu::cues::done},
    {"reschedule", &nlu::cues::reschedule},
    {"schedule", &nlu::cues::schedule},
    {"activity", &nlu::cues::activity},
    {"history", &nlu::cues::history},
    {"tasks", &nlu::cues::tasks},
    {"leads", &nlu::cues::leads_plural},
    {"update", &nlu::cues::update},
    {"turnover", &nlu::cues::turnover},
    {"current_system", &nlu::cues::current_system},
    {"challenges", &nlu::cues::challenges},
    {"address", &nlu::cues::address_word},
    {"assign", &nlu::cues::assign},
    {"contact", &nlu::cues::contact},
    {"source", &nlu::cues::source},
    {"what", &nlu::cues::what},
    {"out_scope", &nlu::cues::out_scope},
};

class Builder {
 public:
  explicit Builder(std::vector<uint32_t>* lexical) : lexical_(lexical) {}
  void add(std::string_view name, float value = 1.0f) {
    features_.push_back({feature_id(name), value});
    if (lexical_ && name.size() > 2 && name[1] == ':' &&
        (name[0] == 'w' || name[0] == 'g' || name[0] == 'b' || name[0] == 's'))
      lexical_->push_back(features_.back().id);
  }
  // Character n-grams of "<word>", by code point: each a run of the framed
  // word, hashed in place ("g:" then the run: the id of "g:<run>").
  void add_char_grams(const std::string& word) {
    const std::string framed = "<" + word + ">";
    std::vector<size_t> starts{0};  // of each code point in `framed`, and its end
    for (size_t i = 1; i + 1 < framed.size();) {
      size_t len = 1;
      const auto c = static_cast<unsigned char>(framed[i]);
      if (c >= 0xF0)
        len = 4;
      else if (c >= 0xE0)
        len = 3;
      else if (c >= 0xC0)
        len = 2;
      starts.push_back(i);
      i = std::min(i + len, framed.size() - 1);
    }
    starts.push_back(framed.size() - 1);  // ">"
    starts.push_back(framed.size());
    const size_t cps = starts.size() - 1;
    const std::string_view all(framed);
    for (size_t n = 3; n <= 5; ++n)
      for (size_t i = 0; i + n <= cps; ++i) {
        features_.push_back(
            {feature_id({"g:", all.substr(starts[i], starts[i + n] - starts[i])}), 0.5f});
        if (lexical_) lexical_->push_back(features_.back().id);
      }
  }
  std::vector<Feature> finish() {
    std::sort(features_.begin(), features_.end(),
              [](const Feature& a, const Feature& b) { return a.id < b.id; });
    std::vector<Feature> out;
    // Presence, not counts: a feature repeated is worth what it is once, so
    // one word said a thousand times cannot drown the rest of the message
    // ("x,x,x,…" came out as "affirm" when counts were summed).
    for (const auto& f : features_) {
      if (!out.empty() && out.back().id == f.id)
        out.back().value = std::max(out.back().value, f.value);
      else
        out.push_back(f);
    }
    double norm = 0;
    for (const auto& f : out) norm += double(f.value) * f.value;
    norm = std::sqrt(norm);
    if (norm > 0)
      for (auto& f : out) f.value = static_cast<float>(f.value / norm);
    return out;
  }

 private:
  std::vector<Feature> features_;
  std::vector<uint32_t>* lexical_;
};

constexpr size_t kMaxGrammedWordBytes = 48;

const char* length_bucket(size_t words) {
  if (words <= 1) return "len:1";
  if (words == 2) return "len:2";
  if (words <= 4) return "len:3-4";
  if (words <= 8) return "len:5-8";
  return "len:9+";
}

bool looks_like_sku(const std::string& folded) {
  // DEPT-CAT-NNN: two letter groups and digits, joined by '-'.
  size_t dashes = std::count(folded.begin(), folded.end(), '-');
  return dashes == 2 && folded.size() >= 8 &&
         std::isdigit(static_cast<unsigned char>(folded.back()));
}

}  // namespace

uint32_t feature_id(std::string_view name) {
  return feature_id({name});
}

uint32_t feature_id(std::initializer_list<std::string_view> parts) {
  uint32_t h = 2166136261u;
  for (std::string_view part : parts)
    for (char c : part) {
      h ^= static_cast<unsigned char>(c);
      h *= 16777619u;
    }
  return h;
}

std::vector<Feature> intent_features(const Tokens& tk, const RuleVerdict& rules,
                                     std::vector<uint32_t>* lexical) {
  Builder b(lexical);
  std::vector<std::string> words;
  size_t word_tokens = 0;
  bool number = false, ordinal = false, sku = false, question = false;
  for (const auto& t : tk.t) {
    if (t.kind == Token::punct) {
      if (t.folded == "?") question = true;
      words.push_back("|");
      continue;
    }
    ++word_tokens;
    if (t.kind == Token::number) {
      number = true;
      words.push_back("#");
      continue;
    }
    if (nlu::ordinal(t.folded)) ordinal = true;
    if (nlu::cardinal(t.folded)) number = true;
    if (looks_like_sku(t.folded)) sku = true;
    std::string w = has_devanagari(t.folded) ? romanize_devanagari(t.folded) : t.folded;
    if (w != t.folded) b.add("w:" + t.folded);
    b.add("w:" + w);
    // Character n-grams only for word-sized words: a 1 MiB "word" would
    // otherwise cost millions of features (NluLimits.AMebibyteWord…).
    if (w.size() > 1 && w.size() <= kMaxGrammedWordBytes) {
      b.add_char_grams(w);
      // Snowball stems of the word's script: inflections meet ("перенеси",
      // "перенести"; "reprogramar", "reprogramamos").
      const auto stems = stems_by_script(w);
      for (size_t k = 1; k < stems.size(); ++k) b.add("s:" + stems[k]);
    }
    words.push_back(std::move(w));
  }
  if (word_tokens == 0) return {};
  for (size_t i = 0; i + 1 < words.size(); ++i)
    if (words[i] != "|" && words[i + 1] != "|") b.add("b:" + words[i] + " " + words[i + 1]);
  if (!words.empty() && words.front() != "|") b.add("first:" + words.front());
  static const nlu::CueFamilies kClasses = [] {
    std::vector<const nlu::Cues*> families;
    for (const auto& [name, cues] : kCueClasses) families.push_back(cues);
    return nlu::CueFamilies(std::move(families));
  }();
  const auto present = kClasses.present(tk);
  for (size_t k = 0; k < present.size(); ++k)
    if (present[k]) b.add(std::string("c:") + kCueClasses[k].first);
  if (!nlu::find_phone(tk.text).empty()) b.add("t:phone");
  if (!nlu::find_email(tk.text).empty()) b.add("t:email");
  if (number) b.add("t:number");
  if (ordinal) b.add("t:ordinal");
  if (sku) b.add("t:sku");
  if (question) b.add("t:question");
  if (nlu::has_price(tk)) b.add("t:price");
  // Words the shopping lexicon knows (product kinds, materials, colours in
  // five languages): what a product search is made of.
  size_t shop_words = 0;
  for (const auto& t : tk.t)
    shop_words += t.kind == Token::word && Lexicon::builtin().names_goods(t.folded);
  if (shop_words > 0) b.add("t:shop_word");
  if (shop_words > 1) b.add("t:shop_words");
  // Length in distinct words: a word said a thousand times says one word
  // ("x, x, x, …" a mebibyte long read as a long CRM note at 0.38).
  std::vector<std::string> distinct(words.begin(), words.end());
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  distinct.erase(std::remove(distinct.begin(), distinct.end(), "|"), distinct.end());
  b.add(length_bucket(distinct.size()));
  // The rules' verdict is a weak voice: at 2.0 the model leaned on it and
  // 5-fold accuracy was 0.893; 1.0 gave 0.896, 0.5 0.901, 0.25 0.903, and
  // without it 0.902 (the rules' cue classes above carry what they know).
  constexpr float kRuleVerdict = 0.25f;
  b.add("r:" + rules.intent, kRuleVerdict);
  b.add("r:" + rules.intent + (rules.confidence >= 0.9 ? ":cue" : ":weak"), kRuleVerdict);
  return b.finish();
}

}  // namespace parley::brain
