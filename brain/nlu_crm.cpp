// CRM slots: company, assignee, note, datetime and the lead's fields.
#include <algorithm>
#include <cctype>
#include <set>

#include "brain/nlu_cues.hpp"
#include "brain/nlu_slots.hpp"
#include "brain/text.hpp"

namespace parley::brain::nlu {
namespace {

std::string trim(std::string s) {
  return trim_slot(std::move(s));
}

bool is_sep(const Tokens& tk, size_t i) {
  if (i >= tk.size() || tk.t[i].kind != Token::punct) return false;
  const auto& p = tk.f(i);
  return p == "," || p == ":" || p == ";" || p == "." || p == "-" || p == "–" || p == "—" ||
         p == "।";
}

bool devanagari(const Token& t) {
  return !t.folded.empty() && static_cast<unsigned char>(t.folded[0]) == 0xE0;
}

// Words that start a sentence capitalised without being a name.
bool weekday_or_month(const std::string& w) {
  static const std::set<std::string> s = {
      "monday", "tuesday",  "wednesday", "thursday",  "friday", "saturday", "sunday", "mon",
      "tue",    "wed",      "thu",       "fri",       "sat",    "sun",      "jan",    "feb",
      "mar",    "apr",      "may",       "jun",       "jul",    "aug",      "sep",    "oct",
      "nov",    "dec",      "senin",     "selasa",    "rabu",   "kamis",    "jumat",  "sabtu",
      "minggu", "lunes",    "martes",    "miercoles", "jueves", "viernes",  "sabado", "domingo",
      "today",  "tomorrow", "they",      "we",        "he",     "she",      "i",      "the",
      "ellos",  "они",      "mereka",    "my",        "our"};
  return s.count(w) > 0;
}

const std::set<std::string>& postpositions() {
  static const std::set<std::string> s = {"का", "की", "के", "को", "से", "ka", "ki", "ke", "ko", "se"};
  return s;
}

struct Span {
  size_t b = 0, e = 0;  // inclusive
  bool found = false;
};

// Capitalised runs (Latin, Cyrillic) or a leading Devanagari phrase before a
// postposition or ':'.
std::vector<Span> name_runs(const Tokens& tk) {
  std::vector<Span> out;
  if (!tk.t.empty() && devanagari(tk.t[0])) {
    size_t e = 0;
    while (e < tk.size() && tk.t[e].kind == Token::word && !postpositions().count(tk.f(e))) ++e;
    if (e > 0 && e < tk.size() && (postpositions().count(tk.f(e)) || tk.is(e, ":")) &&
        !is_cue_word(tk.f(0)))
      out.push_back({0, e - 1, true});
  }
  for (size_t i = 0; i < tk.size(); ++i) {
    const auto& t = tk.t[i];
    if (t.kind != Token::word || !t.capitalized) continue;
    if ((i == 0 || is_sep(tk, i - 1)) && (is_cue_word(t.folded) || weekday_or_month(t.folded)))
      continue;
    if (weekday_or_month(t.folded) || is_cue_word(t.folded)) continue;
    size_t j = i;
    while (j + 1 < tk.size() && tk.t[j + 1].kind == Token::word &&
           (tk.t[j + 1].capitalized ||
            // a short connector inside a name ("Ferretería El Sol"), never before a date
            (tk.t[j + 1].folded.size() <= 3 && j + 2 < tk.size() && tk.t[j + 2].capitalized &&
             tk.t[j + 2].kind == Token::word && !weekday_or_month(tk.t[j + 2].folded) &&
             !is_cue_word(tk.t[j + 2].folded) && tk.t[j + 1].folded != "to" &&
             tk.t[j + 1].folded != "a" && tk.t[j + 1].folded != "ke" &&
             tk.t[j + 1].folded != "on" && tk.t[j + 1].folded != "at")) &&
           !weekday_or_month(tk.t[j + 1].folded) && !is_cue_word(tk.t[j + 1].folded))
      ++j;
    out.push_back({i, j, true});
    i = j;
  }
  return out;
}

// The assignee: "assign to Priya", "asignar a Marta", "ответственный Ольга",
// "Anjali ko assign karo", "विकास को असाइन करो"; for a reassignment also
// "to Neha", "a Pablo", "ke Wati", "Vikas ko de do", "теперь ведёт Ольга".
Span find_assignee(const Tokens& tk, bool reassign) {
  static const Cues forward = {
      "assign to",  "assigned to",  "assign ke",  "asignar a",           "asignada a",
      "asignado a", "asigna a",     "asignalo a", "новый ответственный", "ответственный",
      "проводит",   "теперь ведет", "ведет",      "yang handle",         "handled by",
      "handle"};
  static const Cues backward = {"ko assign", "ko de",      "ko reassign",
                                "को असाइन",  "को रीअसाइन", "को दे"};
  for (size_t i = 0; i < tk.size(); ++i) {
    if (size_t len = cue_length_at(tk, forward, i)) {
      size_t b = i + len;
      while (b < tk.size() && tk.t[b].kind == Token::punct) ++b;
      if (b >= tk.size()) continue;
      size_t e = b;
      if (e + 1 < tk.size() && tk.t[e + 1].capitalized && tk.t[e + 1].kind == Token::word) ++e;
      return {b, e, true};
    }
    if (i > 0 && cue_length_at(tk, backward, i) && tk.t[i - 1].kind == Token::word)
      return {i - 1, i - 1, true};
  }
  if (reassign) {
    static const Cues to = {"to", "a", "ke", "на"};
    for (size_t i = tk.size(); i-- > 0;)
      if (cue_length_at(tk, to, i) && i + 1 < tk.size() && tk.t[i + 1].kind == Token::word &&
          tk.t[i + 1].capitalized)
        return {i + 1, i + 1, true};
  }
  return {};
}

// Text of the clause after `from` (after the next separator), skipping clauses
// that only repeat the command.
std::string note_after(const Tokens& tk, size_t from) {
  for (size_t i = from; i < tk.size(); ++i) {
    if (!is_sep(tk, i)) continue;
    size_t b = i + 1;
    if (b >= tk.size()) return "";
    // the clause up to the next separator: is it only command words?
    size_t e = b;
    bool content = false;
    while (e < tk.size() && !is_sep(tk, e)) {
      if (tk.t[e].kind == Token::word && !is_cue_word(tk.f(e)) && !postpositions().count(tk.f(e)) &&
          tk.f(e) != "karo" && tk.f(e) != "जोड़ो")
        content = true;
      ++e;
    }
    if (!content) {
      i = e - 1;
      continue;
    }
    return trim(tk.text.substr(tk.t[b].begin));
  }
  return "";
}

// Text after a field cue up to the next ',' (turnover 5 crore, current system Tally).
std::string field_after(const Tokens& tk, const Cues& cue) {
  auto i = find_cue(tk, cue);
  if (i == std::string::npos) return "";
  size_t b = i + cue_length_at(tk, cue, i);
  while (b < tk.size() && tk.t[b].kind == Token::punct) ++b;
  size_t e = b;
  while (e < tk.size() && !(tk.t[e].kind == Token::punct && tk.f(e) == ",")) ++e;
  if (e == b) return "";
  return trim(tk.span(b, e - 1));
}

void lead_create_slots(const Tokens& tk, Understanding* u) {
  auto phone = find_phone(tk.text);
  if (!phone.empty()) u->text_slots["phone"] = phone;
  auto email = find_email(tk.text);
  if (!email.empty()) u->text_slots["email"] = email;
  // Segments between commas (and after a leading "…lead:" / "lead -").
  std::vector<std::pair<size_t, size_t>> segs;
  size_t start = 0;
  auto lead_at = find_cue(tk, cues::lead);
  if (lead_at != std::string::npos) {
    start = lead_at + 1;
    while (start < tk.size() && (tk.t[start].kind == Token::punct || is_cue_word(tk.f(start))) &&
           !tk.t[start].capitalized && !devanagari(tk.t[start]))
      ++start;
    // "लीड:" "lead add karo"
    while (start < tk.size() &&
           (tk.f(start) == "add" || tk.f(start) == "karo" || tk.f(start) == "baru" ||
            tk.f(start) == "nuevo" || tk.f(start) == "new" || tk.t[start].kind == Token::punct))
      ++start;
  }
  for (size_t i = start, b = start; i <= tk.size(); ++i) {
    if (i == tk.size() || (tk.t[i].kind == Token::punct && tk.f(i) == ",")) {
      if (i > b) segs.emplace_back(b, i - 1);
      b = i + 1;
    }
  }
  static const Cues contact_cue = {"contact", "contacto", "контакт", "kontak"};
  static const Cues source_cue = {"source", "fuente", "источник", "sumber",
                                  "from",   "dari",   "vino por", "via"};
  static const Cues assign_cue = {"assign", "asignar", "ответственный", "assign ke"};
  bool company_done = false, contact_done = false;
  for (auto [b, e] : segs) {
    std::string seg_text = trim(tk.span(b, e));
    bool has_digits = std::any_of(seg_text.begin(), seg_text.end(), [](char c) {
      return std::isdigit(static_cast<unsigned char>(c));
    });
    if (!company_done) {
      u->text_slots["company"] = seg_text;
      company_done = true;
      continue;
    }
    if (find_cue(tk, assign_cue, b) <= e ||
        (e + 1 <= tk.size() && b < e && (tk.is(e, "karo") || tk.is(e - 1, "assign")))) {
      continue;  // the assignee is read below
    }
    // "contact Sarah Lee sarah.lee@… from LinkedIn", "Mark Dsouza 9820012345"
    size_t k = b;
    if (size_t len = cue_length_at(tk, contact_cue, k)) k += len;
    size_t name_end = k;
    while (name_end <= e && tk.t[name_end].kind == Token::word &&
           !cue_length_at(tk, source_cue, name_end) &&
           tk.f(name_end).find('@') == std::string::npos &&
           (tk.t[name_end].capitalized || devanagari(tk.t[name_end])))
      ++name_end;
    size_t src = find_cue(tk, source_cue, k);
    if (src <= e) {
      size_t sb = src + cue_length_at(tk, source_cue, src);
      while (sb <= e && tk.t[sb].kind == Token::punct) ++sb;
      if (sb <= e) u->text_slots["source"] = trim(tk.span(sb, sb));
    } else if (tk.is(e, "aaya") || tk.is(e, "se")) {
      // "IndiaMART se aaya"
      size_t sb = b;
      while (sb < e && !tk.t[sb].capitalized) ++sb;
      u->text_slots["source"] = trim(tk.span(sb, sb));
    }
    if (!contact_done && name_end > k) {
      u->text_slots["contact_name"] = trim(tk.span(k, name_end - 1));
      contact_done = true;
      continue;
    }
    if (src <= e || tk.is(e, "aaya")) continue;
    if (!has_digits && seg_text.find('@') == std::string::npos && !contact_done && b == e + 0 &&
        tk.t[b].capitalized) {
      u->text_slots["contact_name"] = seg_text;
      contact_done = true;
      continue;
    }
    if (!has_digits && seg_text.find('@') == std::string::npos && !u->text_slots.count("source"))
      u->text_slots["source"] = seg_text;
  }
  auto a = find_assignee(tk, false);
  if (a.found) u->text_slots["assignee"] = trim(tk.span(a.b, a.e));
}

}  // namespace

void crm_slots(const Tokens& tk, const LocalNow& now, Understanding* u) {
  const std::string& intent = u->intent;
  if (intent == "lead_create") {
    lead_create_slots(tk, u);
    return;
  }
  const bool reassign = intent == "lead_reassign";
  Span assignee = find_assignee(tk, reassign);
  if (assignee.found && (reassign || intent.find("schedule") != std::string::npos))
    u->text_slots["assignee"] = trim(tk.span(assignee.b, assignee.e));

  Span company;
  for (const auto& run : name_runs(tk)) {
    if (assignee.found && run.b >= assignee.b && run.b <= assignee.e) continue;
    company = run;
    break;
  }
  if (company.found) u->text_slots["company"] = trim(tk.span(company.b, company.e));
  const size_t after_company = company.found ? company.e + 1 : 0;

  if (intent.find("schedule") != std::string::npos) {
    auto dt = resolve_datetime(tk, now);
    if (!dt.empty()) u->text_slots["datetime"] = dt;
  }
  if (intent == "meeting_done" || intent == "demo_done" || intent == "activity_add") {
    auto note = note_after(tk, after_company);
    if (!note.empty()) u->text_slots["note"] = note;
  }
  if (intent == "lead_update") {
    for (auto [slot, cue] : {std::pair<const char*, const Cues*>{"turnover", &cues::turnover},
                             {"current_system", &cues::current_system},
                             {"challenges", &cues::challenges}}) {
      auto v = field_after(tk, *cue);
      if (!v.empty()) u->text_slots[slot] = v;
    }
    auto a = find_cue(tk, cues::address_word);
    if (a != std::string::npos) {
      // "address to 22 Nehru Place, New Delhi" / "dirección de X: Av. Reforma 250, CDMX"
      size_t b = a + 1;
      for (size_t i = a; i < tk.size(); ++i)
        if (tk.is(i, ":")) {
          b = i + 1;
          break;
        }
      if (b == a + 1) {
        while (b < tk.size() &&
               (tk.is(b, "to") || tk.is(b, "a") || tk.is(b, "ke") || tk.t[b].kind == Token::punct))
          ++b;
      }
      if (b < tk.size()) u->text_slots["address"] = trim(tk.text.substr(tk.t[b].begin));
    }
  }
}

}  // namespace parley::brain::nlu
