#include "brain/browse.hpp"

#include <set>

#include "brain/lexicon.hpp"
#include "brain/said_attributes.hpp"
#include "brain/text.hpp"

namespace parley::brain {
namespace {

bool any_of(const std::vector<std::string>& words, const std::set<std::string>& cues) {
  for (const auto& w : words)
    if (cues.count(w)) return true;
  return false;
}

// Words that name something to search for (product kinds, materials, uses),
// beyond colours and sizes.
size_t product_words(const std::vector<std::string>& words) {
  const auto& lexicon = Lexicon::builtin();
  size_t n = 0;
  for (const auto& w : words) {
    if (lexicon.is_stopword(w) || !lexicon.color_of(w).empty()) continue;
    const auto* terms = lexicon.translate(w);
    if (!terms) continue;
    // "цвете", "color", "talla" say what is asked, not what is sought.
    bool attribute_only = true;
    for (const auto& t : *terms)
      attribute_only = attribute_only && (t == "color" || t == "colour" || t == "size");
    n += !attribute_only;
  }
  return n;
}

const std::set<std::string> kCategoryWords = {
    "categories", "category",  "categorias", "categoria", "secciones",   "departments",
    "категории",  "категорий", "разделы",    "kategori",  "kategorinya", "category",
    "कैटेगरी",      "श्रेणियां",    "श्रेणी",       "catalog",   "catalogue",   "каталог"};
const std::set<std::string> kMoreWords = {"more",   "mas",         "otros", "otras",   "ещё",
                                          "еще",    "другие",      "lagi",  "lainnya", "lain",
                                          "aur",    "और",          "next",  "others",  "siguiente",
                                          "дальше", "selanjutnya", "dusre", "doosre"};
const std::set<std::string> kCheaperWords = {
    "cheaper", "cheapest",  "barato",  "baratos", "barata",  "baratas",   "economico",
    "дешевле", "подешевле", "дешевые", "murah",   "murahan", "sasta",     "saste",
    "sasti",   "सस्ता",      "सस्ते",     "सस्ती",    "budget",  "affordable"};

}  // namespace

Browse browse_request(const Understanding& u, const std::string& text,
                      const domain::conversation::State& state) {
  Browse b;
  const auto words = tokenize(fold(text));
  if (words.empty() || words.size() > 8) return b;
  const bool listed = !state.last_query.empty() && !state.last_shown.empty();
  // Browsing words decide unless the model is sure of another request
  // ("show me more" may read as a 0.34 "view_cart").
  static const std::set<std::string> kOtherRequests = {
      "add_to_cart",     "remove_from_cart", "update_quantity", "clear_cart",   "checkout",
      "provide_details", "order_status",     "payment_link",    "human_handoff"};
  const bool asks = u.confidence < kAskBelowConfidence || !kOtherRequests.count(u.intent);
  if (!asks || u.number_slots.count("ordinal")) return b;  // "more about the 2nd one"
  if (any_of(words, kCategoryWords) && product_words(words) == 0) {
    b.kind = BrowseKind::categories;
    return b;
  }
  if (!listed) return b;
  if (any_of(words, kCheaperWords) && product_words(words) == 0) {
    b.kind = BrowseKind::cheaper;
    return b;
  }
  if (any_of(words, kMoreWords) && product_words(words) == 0 && words.size() <= 5) {
    b.kind = BrowseKind::more;
    return b;
  }
  // A colour or a size with nothing else to search for refines the list.
  const auto& lexicon = Lexicon::builtin();
  std::string refinement;
  for (const auto& w : words)
    if (!lexicon.color_of(w).empty()) refinement += " " + w;
  // Sizes as understanding and search read them (brain/said_attributes.hpp).
  if (const auto said = read_price_and_size(text); !said.size.empty())
    refinement += " size " + said.size;
  if (!refinement.empty() && product_words(words) == 0) {
    b.kind = BrowseKind::refine;
    b.refinement = refinement;
  }
  return b;
}

}  // namespace parley::brain
