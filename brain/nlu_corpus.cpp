#include "brain/nlu_corpus.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "brain/romanize.hpp"
#include "brain/text.hpp"

namespace parley::brain::corpus {
namespace {

std::string trimmed_folded(const std::string& value) {
  std::string s = fold(value);
  const char* strip = " .,;:!?\"'()[]{}";
  auto b = s.find_first_not_of(strip);
  if (b == std::string::npos) return "";
  auto e = s.find_last_not_of(strip);
  s = s.substr(b, e - b + 1);
  std::string out;
  for (char c : s) {
    if (c == '\t' || c == '\n') c = ' ';
    if (!(c == ' ' && !out.empty() && out.back() == ' ')) out.push_back(c);
  }
  return out;
}

}  // namespace

std::string number_key(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", std::round(v * 1e6) / 1e6);
  return buf;
}

std::string slot_key(const std::string& slot, const std::string& value) {
  if (slot == "phone") {
    std::string out;
    auto b = value.find_first_not_of(' ');
    if (b != std::string::npos && value[b] == '+') out = "+";
    for (char c : value)
      if (c >= '0' && c <= '9') out.push_back(c);
    return out;
  }
  if (slot == "datetime") return value.substr(0, 16);
  return trimmed_folded(value);
}

std::vector<Example> load(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<Example> out;
  int line_no = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    try {
      auto j = nlohmann::json::parse(line);
      Example e;
      e.text = j.at("text").get<std::string>();
      e.lang = j.at("lang").get<std::string>();
      e.intent = j.at("intent").get<std::string>();
      e.now = j.value("now", "2026-11-22T10:00:00+05:30");
      for (auto& [k, v] : j.at("entities").items()) {
        if (v.is_number())
          e.slots[k] = number_key(v.get<double>());
        else if (v.is_string() && !v.get<std::string>().empty())
          e.slots[k] = slot_key(k, v.get<std::string>());
      }
      out.push_back(std::move(e));
    } catch (const std::exception& ex) {
      throw std::runtime_error(path + ":" + std::to_string(line_no) + ": " + ex.what());
    }
  }
  return out;
}

std::vector<Example> load_dir(const std::string& dir) {
  std::vector<std::filesystem::path> files;
  for (const auto& f : std::filesystem::directory_iterator(dir))
    if (f.path().extension() == ".jsonl") files.push_back(f.path());
  std::sort(files.begin(), files.end());
  std::vector<Example> out;
  for (const auto& f : files) {
    auto more = load(f.string());
    out.insert(out.end(), std::make_move_iterator(more.begin()),
               std::make_move_iterator(more.end()));
  }
  return out;
}

nlu::LocalNow now_of(const Example& e) {
  nlu::LocalNow now;
  if (!nlu::parse_now(e.now, &now)) throw std::runtime_error("bad now: " + e.now);
  return now;
}

bool in_blind_split(const std::string& text) {
  uint64_t h = 1469598103934665603ull;
  for (char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h % 5 == 0;
}

std::string language_group(const Example& e) {
  if (e.lang != "hi") return e.lang;
  return has_devanagari(e.text) ? "hi/deva" : "hi/latn";
}

double Tally::slot_f1() const {
  const double p = tp + fp ? double(tp) / (tp + fp) : 0, r = tp + fn ? double(tp) / (tp + fn) : 0;
  if (tp + fp + fn == 0) return 1.0;  // no slots asked and none given
  return p + r ? 2 * p * r / (p + r) : 0;
}

void Score::add(const Example& e, const Understanding& u) {
  std::map<std::string, std::string> predicted;
  for (const auto& [k, v] : u.number_slots) predicted[k] = number_key(v);
  for (const auto& [k, v] : u.text_slots)
    if (!v.empty()) predicted[k] = slot_key(k, v);
  Tally delta;
  delta.n = 1;
  delta.intents_ok = u.intent == e.intent;
  for (const auto& [k, v] : predicted) {
    auto it = e.slots.find(k);
    (it != e.slots.end() && it->second == v ? delta.tp : delta.fp)++;
  }
  for (const auto& [k, v] : e.slots) {
    auto it = predicted.find(k);
    if (it == predicted.end() || it->second != v) ++delta.fn;
  }
  for (Tally* t : {&all_, &by_language_[language_group(e)], &by_intent_[e.intent]}) {
    t->n += delta.n;
    t->intents_ok += delta.intents_ok;
    t->tp += delta.tp;
    t->fp += delta.fp;
    t->fn += delta.fn;
  }
}

std::string Score::report(const std::string& title) const {
  std::string out;
  char buf[160];
  std::snprintf(buf, sizeof buf, "%s: intent %.3f, slot F1 %.3f, n=%d\n", title.c_str(),
                all_.intent_accuracy(), all_.slot_f1(), all_.n);
  out += buf;
  for (const auto& [lang, t] : by_language_) {
    std::snprintf(buf, sizeof buf, "  %-8s intent %.3f  slot F1 %.3f  n=%d\n", lang.c_str(),
                  t.intent_accuracy(), t.slot_f1(), t.n);
    out += buf;
  }
  for (const auto& [intent, t] : by_intent_) {
    std::snprintf(buf, sizeof buf, "  %-20s intent %.3f  slot F1 %.3f  n=%d\n", intent.c_str(),
                  t.intent_accuracy(), t.slot_f1(), t.n);
    out += buf;
  }
  return out;
}

}  // namespace parley::brain::corpus
