#include "projections/search_query.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

#include "brain/romanize.hpp"
#include "brain/text.hpp"

namespace parley::projections {
namespace {

// Words that bound a price from above / below when a number follows them.
const std::set<std::string> kMaxBefore = {
    "under",  "below",   "less",   "cheaper",    "max",    "maximum", "upto",
    "within", "budget",  "menos",  "hasta",      "maximo", "bajo",    "debajo",
    "до",     "дешевле", "меньше", "дороже_нет", "bawah",  "kurang",  "maksimal",
    "maks",   "dibawah", "andar",  "tak",        "neeche"};
const std::set<std::string> kMinBefore = {"over", "above",  "more",   "min",  "minimum", "mas",
                                          "от",   "дороже", "больше", "atas", "lebih",   "diatas"};
// Hinglish puts the bound after the amount: "20 euro se kam", "500 tak".
const std::set<std::string> kMaxAfter = {"kam", "tak", "niche", "neeche", "andar"};
const std::set<std::string> kMinAfter = {"zyada", "jyada", "upar", "adhik"};
const std::set<std::string> kCurrency = {"eur",     "euro", "euros",  "€",     "usd",   "dollar",
                                         "dollars", "rs",   "rupees", "rupee", "inr",   "rp",
                                         "rupiah",  "евро", "рублей", "руб",   "рубля", "pesos",
                                         "peso",    "se",   "yuro"};  // "यूरो", romanised
const std::set<std::string> kSizeWords = {
    "size",   "talla", "ukuran", "размер",  "razmer", "saiz", "number", "no", "nomor",
    "numero", "sizes", "tallas", "размера", "साइज़",   "साइज", "nambar"};  // "नंबर", romanised
const std::set<std::string> kFootwear = {
    "heel",    "heels",   "shoe",     "shoes", "boot",  "boots",  "sneaker", "sneakers", "sandal",
    "sandals", "trainer", "trainers", "pump",  "pumps", "loafer", "loafers", "flats",    "mules"};

// Reads an amount at tokens[i]: "50", "1.5k", "150.000" (dot thousands), "2k".
std::optional<int64_t> amount_at(const std::vector<std::string>& t, size_t i, size_t* used) {
  if (i >= t.size() || !brain::is_number(t[i])) return std::nullopt;
  std::string num = t[i];
  double value = 0;
  auto dot = num.find('.');
  if (dot != std::string::npos && num.size() - dot - 1 == 3) {
    num.erase(dot, 1);  // "150.000" is a thousands separator
  }
  value = std::atof(num.c_str());
  *used = 1;
  if (i + 1 < t.size() && (t[i + 1] == "k" || t[i + 1] == "rb" || t[i + 1] == "ribu")) {
    value *= 1000;
    *used = 2;
  }
  return static_cast<int64_t>(std::llround(value * 100));
}

}  // namespace

SearchQuery parse_search_query(const std::string& text, const brain::Lexicon& lexicon) {
  SearchQuery q;
  // A SKU (DEPT-CAT-NNN style) answers by itself.
  {
    std::string trimmed;
    for (char c : text)
      if (!std::isspace(static_cast<unsigned char>(c))) trimmed.push_back(c);
    size_t dashes = std::count(trimmed.begin(), trimmed.end(), '-');
    bool skuish = dashes >= 2 && trimmed.size() <= 32 &&
                  std::all_of(trimmed.begin(), trimmed.end(),
                              [](unsigned char c) { return std::isalnum(c) || c == '-'; });
    if (skuish) {
      for (auto& c : trimmed) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      q.sku = trimmed;
    }
  }
  const auto folded_tokens = brain::tokenize(brain::fold(text));
  // Price and size words are matched on Devanagari romanised ("10 यूरो से
  // कम" reads "10 yuro se kam"); the words searched for keep their script.
  std::vector<std::string> tokens;
  for (const auto& t : folded_tokens)
    tokens.push_back(brain::has_devanagari(t) ? brain::romanize_devanagari(t) : t);
  std::vector<bool> used(tokens.size(), false);
  bool footwear = false;
  for (const auto& t : tokens) {
    if (kFootwear.count(t)) footwear = true;
    if (auto* tr = lexicon.translate(t))
      for (const auto& e : *tr)
        if (kFootwear.count(e)) footwear = true;
  }

  for (size_t i = 0; i < tokens.size(); ++i) {
    const auto& t = tokens[i];
    size_t n = 0;
    // price bound before the amount: "under 50", "por menos de 100", "di bawah 50"
    if (kMaxBefore.count(t) || kMinBefore.count(t)) {
      size_t j = i + 1;
      while (j < tokens.size() && j <= i + 3 && !brain::is_number(tokens[j])) ++j;
      if (auto a = amount_at(tokens, j, &n)) {
        (kMaxBefore.count(t) ? q.price_max_cents : q.price_min_cents) = *a;
        for (size_t k = i; k < j + n; ++k) used[k] = true;
        for (size_t k = j + n; k < tokens.size() && kCurrency.count(tokens[k]); ++k) used[k] = true;
        continue;
      }
    }
    // amount then bound: "20 euro se kam"
    if (auto a = amount_at(tokens, i, &n)) {
      size_t j = i + n;
      while (j < tokens.size() && kCurrency.count(tokens[j])) ++j;
      if (j < tokens.size() && (kMaxAfter.count(tokens[j]) || kMinAfter.count(tokens[j]))) {
        (kMaxAfter.count(tokens[j]) ? q.price_max_cents : q.price_min_cents) = *a;
        for (size_t k = i; k <= j; ++k) used[k] = true;
        continue;
      }
    }
    // size: "size 38", "talla 40", "ukuran 41", "размер 39"
    if (kSizeWords.count(t) && i + 1 < tokens.size() && !used[i + 1]) {
      q.size = tokens[i + 1];
      used[i] = used[i + 1] = true;
      continue;
    }
  }
  // A bare shoe size next to footwear words: "красные кроссовки 39".
  if (q.size.empty() && footwear) {
    for (size_t i = 0; i < tokens.size(); ++i) {
      if (used[i] || !brain::is_number(tokens[i]) || tokens[i].find('.') != std::string::npos)
        continue;
      int v = std::atoi(tokens[i].c_str());
      if (v >= 33 && v <= 47) {
        q.size = tokens[i];
        used[i] = true;
        break;
      }
    }
  }
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (used[i] || lexicon.is_stopword(tokens[i]) || lexicon.is_stopword(folded_tokens[i]) ||
        kCurrency.count(tokens[i]))
      continue;
    auto color = lexicon.color_of(folded_tokens[i]);
    if (color.empty()) color = lexicon.color_of(tokens[i]);
    if (!color.empty()) {
      if (std::find(q.colors.begin(), q.colors.end(), color) == q.colors.end())
        q.colors.push_back(color);
      continue;
    }
    q.words.push_back({folded_tokens[i], q.words.size(), i});
  }
  return q;
}

}  // namespace parley::projections
