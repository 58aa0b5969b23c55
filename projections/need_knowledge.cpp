#include "projections/need_knowledge.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "brain/stemmer.hpp"
#include "brain/text.hpp"

namespace parley::projections {

// The text of data/knowledge/needs.jsonl (generated at configure time).
std::string_view builtin_need_knowledge_jsonl();

namespace {

const brain::Lexicon& stop_words() {
  return brain::Lexicon::builtin();
}

}  // namespace

NeedKnowledge NeedKnowledge::parse(std::string_view jsonl, std::vector<std::string>* errors) {
  NeedKnowledge kb;
  size_t line_no = 0, pos = 0;
  while (pos < jsonl.size()) {
    size_t end = jsonl.find('\n', pos);
    if (end == std::string_view::npos) end = jsonl.size();
    const std::string_view line = jsonl.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    auto fail = [&](const std::string& why) {
      if (errors) errors->push_back("line " + std::to_string(line_no) + ": " + why);
    };
    const auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      fail("not a JSON object");
      continue;
    }
    NeedEntry e;
    const std::string kind = j.value("kind", "");
    const nlohmann::json* phrases = nullptr;
    if (kind == "category" && j.contains("category") && j["category"].is_string() &&
        j.contains("names") && j["names"].is_object()) {
      e.kind = NeedEntry::category;
      e.id = j["category"].get<std::string>();
      e.categories = {e.id};
      // The category's own English words are its terms ("Sunscreen", "Work & Safety").
      e.terms = {e.id.substr(e.id.rfind('>') == std::string::npos ? 0 : e.id.rfind('>') + 1)};
      phrases = &j["names"];
    } else if (kind == "need" && j.contains("phrases") && j["phrases"].is_object()) {
      e.kind = NeedEntry::need;
      e.id = j.value("id", "");
      for (const char* field : {"categories", "terms"}) {
        if (!j.contains(field) || !j[field].is_array()) continue;
        auto& out = std::string(field) == "terms" ? e.terms : e.categories;
        for (const auto& v : j[field])
          if (v.is_string()) out.push_back(v.get<std::string>());
      }
      phrases = &j["phrases"];
    } else {
      fail("needs kind \"category\" with names or kind \"need\" with phrases");
      continue;
    }
    const size_t index = kb.entries_.size();
    kb.entries_.push_back(std::move(e));
    for (const auto& [lang, list] : phrases->items()) {
      if (!list.is_array()) continue;
      for (const auto& p : list)
        if (p.is_string()) kb.add_phrase(lang, p.get<std::string>(), index);
    }
  }
  kb.reindex();
  return kb;
}

const NeedKnowledge& NeedKnowledge::builtin() {
  static const NeedKnowledge kb = parse(builtin_need_knowledge_jsonl());
  return kb;
}

void NeedKnowledge::add_phrase(const std::string& language, const std::string& text, size_t entry) {
  Phrase p{{}, entry};
  for (const auto& t : brain::tokenize(brain::fold(text))) {
    if (stop_words().is_stopword(t)) continue;
    p.stems.push_back(brain::stem(language, t));
  }
  if (!p.stems.empty() && p.stems.size() <= 8) phrases_.push_back(std::move(p));
}

void NeedKnowledge::reindex() {
  keys_.clear();
  by_first_.clear();
  std::vector<std::pair<std::string, size_t>> firsts;
  for (size_t i = 0; i < phrases_.size(); ++i) firsts.emplace_back(phrases_[i].stems[0], i);
  std::sort(firsts.begin(), firsts.end());
  for (const auto& [key, i] : firsts) {
    if (keys_.empty() || keys_.back() != key) {
      keys_.push_back(key);
      by_first_.emplace_back();
    }
    by_first_.back().push_back(i);
  }
}

std::vector<NeedMatch> NeedKnowledge::match(const std::vector<std::string>& tokens,
                                            const brain::Lexicon& lexicon) const {
  std::vector<NeedMatch> out;
  if (phrases_.empty()) return out;
  std::vector<std::vector<std::string>> stems(tokens.size());
  std::vector<bool> stop(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) {
    stop[i] = lexicon.is_stopword(tokens[i]);
    stems[i] = brain::stems_by_script(tokens[i]);
  }
  auto token_is = [&](size_t i, const std::string& stem) {
    return std::find(stems[i].begin(), stems[i].end(), stem) != stems[i].end();
  };
  // Where phrase `p` ends when it starts at token i (stop words between its
  // words skipped), or npos.
  auto ends_at = [&](const Phrase& p, size_t i) {
    size_t k = i;
    for (size_t w = 1; w < p.stems.size(); ++w) {
      size_t next = k + 1;
      while (next < tokens.size() && stop[next] && !token_is(next, p.stems[w])) ++next;
      if (next >= tokens.size() || !token_is(next, p.stems[w])) return std::string::npos;
      k = next;
    }
    return k;
  };
  for (size_t i = 0; i < tokens.size();) {
    size_t best_end = 0, best_len = 0;
    std::vector<size_t> best_entries;  // every entry whose longest phrase covers the span
    if (!stop[i] || tokens[i].size() > 2)
      for (const auto& s : stems[i]) {
        auto it = std::lower_bound(keys_.begin(), keys_.end(), s);
        if (it == keys_.end() || *it != s) continue;
        for (size_t pi : by_first_[static_cast<size_t>(it - keys_.begin())]) {
          const Phrase& p = phrases_[pi];
          const size_t end = ends_at(p, i);
          if (end == std::string::npos || p.stems.size() < best_len) continue;
          if (p.stems.size() > best_len || end != best_end) {
            best_entries.clear();
            best_len = p.stems.size();
            best_end = end;
          }
          if (std::find(best_entries.begin(), best_entries.end(), p.entry) == best_entries.end())
            best_entries.push_back(p.entry);
        }
      }
    if (best_entries.empty()) {
      ++i;
      continue;
    }
    for (size_t e : best_entries) out.push_back({&entries_[e], i, best_end});
    i = best_end + 1;
  }
  return out;
}

}  // namespace parley::projections
