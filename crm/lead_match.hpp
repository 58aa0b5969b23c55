// Which lead a company name means. Pure. "acme" finds "Acme Corp"; "Acme
// Corp." and "ACME corp" are the same; "Acm Corp" (one typo) still matches.
// Several equally good candidates are all returned, so the caller asks back.
#pragma once

#include <string>
#include <vector>

namespace parley::crm {

struct NamedLead {
  std::string id;
  std::string company;
};

struct CompanyMatch {
  std::vector<NamedLead> best;  // empty: none; one: that lead; more: ask which
  double score = 0;             // 1 exact, 0.8 all words of one in the other, 0.6 typo
};

CompanyMatch match_company(const std::string& name, const std::vector<NamedLead>& leads);

// A lead id from a company name: "Acme Corp." -> "acme-corp"; never empty.
std::string slug(const std::string& company);

}  // namespace parley::crm
