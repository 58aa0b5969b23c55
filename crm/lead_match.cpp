#include "crm/lead_match.hpp"

#include <algorithm>

#include "brain/text.hpp"

namespace parley::crm {
namespace {

// Company words without the legal forms that people drop when they talk.
std::vector<std::string> words(const std::string& name) {
  static const char* const kNoise[] = {"corp",    "corporation", "inc", "ltd",     "llc",  "pvt",
                                       "private", "limited",     "co",  "company", "gmbh", "sa",
                                       "pt",      "tbk",         "ooo", "the"};
  auto tokens = brain::tokenize(brain::fold(name));
  std::vector<std::string> out;
  for (auto& t : tokens)
    if (std::none_of(std::begin(kNoise), std::end(kNoise), [&](const char* n) { return t == n; }))
      out.push_back(t);
  return out.empty() ? tokens : out;
}

size_t distance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

std::string joined(const std::vector<std::string>& w) {
  std::string s;
  for (const auto& x : w) s += (s.empty() ? "" : " ") + x;
  return s;
}

bool contains_all(const std::vector<std::string>& big, const std::vector<std::string>& small) {
  return std::all_of(small.begin(), small.end(), [&](const std::string& w) {
    return std::find(big.begin(), big.end(), w) != big.end();
  });
}

double score(const std::vector<std::string>& asked, const std::vector<std::string>& company) {
  if (asked.empty() || company.empty()) return 0;
  if (asked == company) return 1;
  if (contains_all(company, asked) || contains_all(asked, company)) return 0.8;
  const auto a = joined(asked), c = joined(company);
  const size_t allowed =
      std::min(a.size(), c.size()) >= 8 ? 2 : (std::min(a.size(), c.size()) >= 4 ? 1 : 0);
  if (allowed && distance(a, c) <= allowed) return 0.6;
  if (allowed && distance(asked.front(), company.front()) <= (asked.front().size() >= 8 ? 2 : 1) &&
      asked.front().size() >= 4)
    return 0.5;
  return 0;
}

}  // namespace

CompanyMatch match_company(const std::string& name, const std::vector<NamedLead>& leads) {
  CompanyMatch out;
  const auto asked = words(name);
  for (const auto& l : leads) {
    double s = score(asked, words(l.company));
    if (s <= 0 || s < out.score) continue;
    if (s > out.score) out.best.clear();
    out.score = s;
    out.best.push_back(l);
  }
  return out;
}

std::string slug(const std::string& company) {
  std::string out;
  for (const auto& w : brain::tokenize(brain::fold(company))) {
    std::string ascii;
    for (unsigned char c : w)
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) ascii += static_cast<char>(c);
    if (ascii.empty()) continue;
    if (!out.empty()) out += '-';
    out += ascii;
    if (out.size() > 40) break;
  }
  return out.empty() ? "lead" : out;
}

}  // namespace parley::crm
