#include "crm/close_command.hpp"

#include <cctype>

namespace parley::crm {
namespace {

bool space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

std::string_view trim_left(std::string_view s) {
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  return s;
}

std::string_view trim_right(std::string_view s) {
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

bool same_word(std::string_view a, std::string_view lower) {
  if (a.size() != lower.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != lower[i]) return false;
  return true;
}

// "won"/"lost" when `w` is one of them, else "".
std::string_view outcome_of(std::string_view w) {
  if (same_word(w, "won")) return "won";
  if (same_word(w, "lost")) return "lost";
  return {};
}

// `s` less a leading `word` and the white space after it; nullopt when `s`
// does not start with that word followed by white space.
std::optional<std::string_view> after_word(std::string_view s, std::string_view word) {
  if (s.size() <= word.size() || !same_word(s.substr(0, word.size()), word) ||
      !space(s[word.size()]))
    return std::nullopt;
  return trim_left(s.substr(word.size()));
}

// `s` less one trailing '.' or '!' and the white space around it.
std::string_view without_final_mark(std::string_view s) {
  s = trim_right(s);
  if (!s.empty() && (s.back() == '.' || s.back() == '!')) s = trim_right(s.substr(0, s.size() - 1));
  return s;
}

// A company is one line of at least one character (the old pattern's `.+`).
std::optional<CloseCommand> command(std::string_view outcome, std::string_view company) {
  if (company.empty() || company.find_first_of("\r\n") != std::string_view::npos)
    return std::nullopt;
  return CloseCommand{std::string(outcome), std::string(company)};
}

// [mark|lead] <company> [as|is|ko] won|lost
std::optional<CloseCommand> company_first(std::string_view s) {
  const size_t cut = s.find_last_of(" \t\n\v\f\r");
  if (cut == std::string_view::npos) return std::nullopt;
  const auto outcome = outcome_of(s.substr(cut + 1));
  if (outcome.empty()) return std::nullopt;
  const auto rest = trim_right(s.substr(0, cut));
  // The shortest company wins: a trailing "as"/"is"/"ko" is a joining word
  // unless it is all there is.
  auto company = [](std::string_view body) {
    const size_t gap = body.find_last_of(" \t\n\v\f\r");
    if (gap != std::string_view::npos) {
      const auto last = body.substr(gap + 1);
      if (same_word(last, "as") || same_word(last, "is") || same_word(last, "ko"))
        return trim_right(body.substr(0, gap));
    }
    return body;
  };
  for (const char* lead_in : {"mark", "lead"})
    if (auto body = after_word(rest, lead_in); body && !body->empty())
      if (auto c = command(outcome, company(*body))) return c;
  return command(outcome, company(rest));
}

// won|lost [:|-] [for] <company>
std::optional<CloseCommand> outcome_then_company(std::string_view s) {
  size_t end = 0;
  while (end < s.size() && !space(s[end]) && s[end] != ':' && s[end] != '-') ++end;
  const auto outcome = outcome_of(s.substr(0, end));
  if (outcome.empty()) return std::nullopt;
  const auto after = s.substr(end);
  auto company = [&](std::string_view rest) {
    if (auto body = after_word(rest, "for"); body && !body->empty()) rest = *body;
    // A final '.' or '!' ends the sentence, unless it is all the company there is.
    if (auto shorter = without_final_mark(rest); !shorter.empty()) rest = shorter;
    return command(outcome, rest);
  };
  // "won: Acme", "won - Acme": a ':' or '-' then white space...
  const auto rest = trim_left(after);
  if (!rest.empty() && (rest.front() == ':' || rest.front() == '-') && rest.size() > 1 &&
      space(rest[1]))
    if (auto c = company(trim_left(rest.substr(1)))) return c;
  // ...else white space, and the company is all that follows it.
  if (rest.size() == after.size()) return std::nullopt;
  return company(rest);
}

// [lead] won|lost [:|-] [for] <company>
std::optional<CloseCommand> outcome_first(std::string_view s) {
  if (auto body = after_word(s, "lead"))
    if (auto c = outcome_then_company(*body)) return c;
  return outcome_then_company(s);
}

}  // namespace

std::optional<CloseCommand> parse_close_command(std::string_view text) {
  const auto s = trim_right(trim_left(text));
  if (auto c = company_first(without_final_mark(s))) return c;
  return outcome_first(s);
}

}  // namespace parley::crm
