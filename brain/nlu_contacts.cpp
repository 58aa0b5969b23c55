// Contact and order slots: phones, e-mails, names, addresses with a trailing
// city, order ids.
#include <algorithm>
#include <cctype>
#include <set>

#include "brain/nlu_cues.hpp"
#include "brain/nlu_slots.hpp"

namespace parley::brain::nlu {

std::string find_email(const std::string& text) {
  auto at = text.find('@');
  while (at != std::string::npos) {
    size_t b = at, e = at + 1;
    auto local = [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '%' ||
             c == '+' || c == '-';
    };
    while (b > 0 && local(text[b - 1])) --b;
    while (e < text.size() &&
           (std::isalnum(static_cast<unsigned char>(text[e])) || text[e] == '.' || text[e] == '-'))
      ++e;
    while (e > at + 1 && text[e - 1] == '.') --e;
    std::string s = text.substr(b, e - b);
    if (b < at && s.find('.', at - b) != std::string::npos) {
      for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      return s;
    }
    at = text.find('@', at + 1);
  }
  return "";
}

std::string find_sku(const std::string& text) {
  // Letters-letters-digits, 2-4 of each: "HW-SCR-014", "wf-sho-2".
  auto run = [&](size_t i, bool digits) {
    size_t j = i;
    while (j < text.size() && j - i < 5 &&
           (digits ? std::isdigit(static_cast<unsigned char>(text[j]))
                   : std::isalpha(static_cast<unsigned char>(text[j]))))
      ++j;
    return j - i;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    if (i > 0 && std::isalnum(static_cast<unsigned char>(text[i - 1]))) continue;
    const size_t a = run(i, false);
    if (a < 2 || a > 4 || i + a >= text.size() || text[i + a] != '-') continue;
    const size_t b = run(i + a + 1, false);
    const size_t c0 = i + a + 1 + b;
    if (b < 2 || b > 4 || c0 >= text.size() || text[c0] != '-') continue;
    const size_t c = run(c0 + 1, true);
    const size_t end = c0 + 1 + c;
    if (c < 1 || c > 4 ||
        (end < text.size() && std::isalnum(static_cast<unsigned char>(text[end]))))
      continue;
    std::string sku = text.substr(i, end - i);
    for (auto& ch : sku) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    return sku;
  }
  return "";
}

std::string find_phone(const std::string& text) {
  for (size_t i = 0; i < text.size(); ++i) {
    bool plus = text[i] == '+';
    if (!plus && !std::isdigit(static_cast<unsigned char>(text[i]))) continue;
    if (i > 0 && (std::isalnum(static_cast<unsigned char>(text[i - 1])) || text[i - 1] == '@' ||
                  text[i - 1] == '.' || text[i - 1] == '#'))
      continue;
    std::string digits = plus ? "+" : "";
    size_t j = plus ? i + 1 : i, last_digit = i;
    while (j < text.size()) {
      char c = text[j];
      if (std::isdigit(static_cast<unsigned char>(c))) {
        digits.push_back(c);
        last_digit = j;
      } else if (!(c == ' ' || c == '-' || c == '(' || c == ')' || c == '.')) {
        break;
      } else if (j + 1 < text.size() && !std::isdigit(static_cast<unsigned char>(text[j + 1])) &&
                 text[j + 1] != '(') {
        break;
      }
      ++j;
    }
    size_t count = digits.size() - (plus ? 1 : 0);
    bool joined_to_word = last_digit + 1 < text.size() &&
                          std::isalpha(static_cast<unsigned char>(text[last_digit + 1]));
    if (count >= 8 && count <= 15 && !joined_to_word) return digits;
    i = j;
  }
  return "";
}

void details_slots(const Tokens& tk, Understanding* u) {
  auto phone = find_phone(tk.text);
  if (!phone.empty()) u->text_slots["phone"] = phone;
  auto email = find_email(tk.text);
  if (!email.empty()) u->text_slots["email"] = email;
  // name: the words after "my name is", up to a clause break or "and"
  auto n = find_cue(tk, cues::details_name);
  if (n != std::string::npos) {
    size_t b = n + cue_length_at(tk, cues::details_name, n), e = b;
    static const std::set<std::string> stop = {"and", "y", "и", "dan",    "aur",   "hai",  "hoon",
                                               "hu",  "है", "हूँ", "number", "phone", "email"};
    while (e < tk.size() && tk.t[e].kind == Token::word && !stop.count(tk.f(e)) &&
           !cue_length_at(tk, cues::details_phone, e))
      ++e;
    if (e > b) u->text_slots["name"] = trim_slot(tk.span(b, e - 1));
  }
  // address: everything after the cue; a trailing ", City" is the city
  auto a = find_cue(tk, cues::details_address);
  if (a != std::string::npos) {
    size_t b = a + cue_length_at(tk, cues::details_address, a);
    while (b < tk.size() && tk.t[b].kind == Token::punct) ++b;
    if (b < tk.size()) {
      std::string rest = trim_slot(tk.text.substr(tk.t[b].begin));
      auto comma = rest.rfind(',');
      if (comma != std::string::npos) {
        u->text_slots["address"] = trim_slot(rest.substr(0, comma));
        u->text_slots["city"] = trim_slot(rest.substr(comma + 1));
      } else {
        u->text_slots["address"] = rest;
      }
    }
  }
}

void order_slots(const Tokens& tk, Understanding* u) {
  for (size_t i = 0; i < tk.size(); ++i) {
    bool marked = i > 0 && (tk.is(i - 1, "#") || tk.is(i - 1, "№"));
    bool near_order = false;
    for (size_t k = 1; k <= 3 && k <= i; ++k)
      if (cue_length_at(tk, cues::order_word, i - k)) near_order = true;
    const auto& w = tk.f(i);
    bool has_digit = std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (tk.t[i].kind != Token::punct && has_digit && (marked || near_order)) {
      u->text_slots["order_id"] = tk.span(i, i);
      return;
    }
  }
}

// A name the message clearly gives: after "my name is", "me llamo", "меня
// зовут", "nama saya", "mera naam" the next words up to a comma or "and";
// after the weaker "I am", "I'm", "soy" only words that start with a capital
// ("I am Maria" is a name, "I am looking for" is not).
std::string given_name(const Tokens& tk) {
  const size_t at = find_cue(tk, cues::details_name);
  if (at == std::string::npos) return "";
  const size_t len = cue_length_at(tk, cues::details_name, at);
  const std::string& first = tk.f(at);
  const bool weak =
      len == 1 ? (first == "soy" || first == "naam" || first == "i'm") : (first == "i" && len == 2);
  static const std::set<std::string> stop = {"and", "y", "и",    "а",  "dan", "aur",  "और",
                                             "hai", "है", "from", "de", "из",  "dari", "se"};
  size_t b = at + len, e = b;
  while (e < tk.size() && e < b + 3 && tk.t[e].kind == Token::word && !stop.count(tk.f(e)) &&
         !is_cue_word(tk.f(e)) && (!weak || tk.t[e].capitalized))
    ++e;
  if (e == b) return "";
  return trim_slot(tk.span(b, e - 1));
}

}  // namespace parley::brain::nlu
