#include "domain/testimonial.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string_view>

#include "domain/overloaded.hpp"

namespace parley::domain::testimonial {
namespace {

constexpr size_t kMaxIdBytes = 64;
constexpr size_t kMaxTextBytes = 1000;
constexpr size_t kMaxAuthorBytes = 100;
constexpr size_t kMaxPhotoBytes = 500;
constexpr const char* kLanguages[] = {"en", "es", "ru", "id", "hi"};
constexpr std::string_view kHttps = "https://";

bool blank(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); });
}

// The admin's id reads well in a URL: 1..64 of a-z, 0-9, '.', '_', '-'.
bool valid_id(const std::string& id) {
  if (id.empty() || id.size() > kMaxIdBytes) return false;
  return std::all_of(id.begin(), id.end(), [](unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
  });
}

// Shown to shoppers as a link or an image: https only (no mixed content), and
// nothing a chat or an attribute could be broken with.
bool valid_photo(const std::string& url) {
  if (url.empty()) return true;
  if (url.size() <= kHttps.size() || url.size() > kMaxPhotoBytes ||
      url.compare(0, kHttps.size(), kHttps) != 0)
    return false;
  return std::none_of(url.begin(), url.end(),
                      [](unsigned char c) { return c <= ' ' || c == 0x7f; });
}

}  // namespace

// When it was saved is not what it says: saving the same words again is no change.
bool operator==(const Testimonial& a, const Testimonial& b) {
  return a.id == b.id && a.text == b.text && a.author == b.author && a.language == b.language &&
         a.sku == b.sku && a.photo_url == b.photo_url;
}

const char* to_string(Error e) {
  switch (e) {
    case Error::invalid_id:
      return "invalid_id";
    case Error::invalid_text:
      return "invalid_text";
    case Error::invalid_author:
      return "invalid_author";
    case Error::invalid_language:
      return "invalid_language";
    case Error::invalid_photo:
      return "invalid_photo";
    case Error::not_found:
      return "not_found";
  }
  return "unknown";
}

std::optional<Error> validate(const Testimonial& t) {
  if (!valid_id(t.id)) return Error::invalid_id;
  if (t.text.size() > kMaxTextBytes || blank(t.text)) return Error::invalid_text;
  if (t.author.size() > kMaxAuthorBytes || blank(t.author)) return Error::invalid_author;
  if (std::find(std::begin(kLanguages), std::end(kLanguages), t.language) == std::end(kLanguages))
    return Error::invalid_language;
  if (!valid_photo(t.photo_url)) return Error::invalid_photo;
  return std::nullopt;
}

Result<std::vector<Event>, Error> decide(const State& state, const Command& command) {
  using Events = Result<std::vector<Event>, Error>;
  return std::visit(
      overloaded{[&](const Save& sv) -> Events {
                   if (auto e = validate(sv.testimonial)) return fail(*e);
                   if (state.exists && state.testimonial == sv.testimonial)
                     return std::vector<Event>{};
                   Testimonial saved = sv.testimonial;
                   saved.saved_us = sv.at_us;
                   return std::vector<Event>{TestimonialSaved{std::move(saved), sv.by, sv.at_us}};
                 },
                 [&](const Remove& rm) -> Events {
                   if (!state.exists) return fail(Error::not_found);
                   return std::vector<Event>{TestimonialRemoved{rm.by, rm.at_us}};
                 }},
      command);
}

State evolve(State s, const Event& event) {
  std::visit(overloaded{[&](const TestimonialSaved& e) {
                          s.exists = true;
                          s.testimonial = e.testimonial;
                          s.testimonial.saved_us = e.at_us;
                        },
                        [&](const TestimonialRemoved&) { s.exists = false; }},
             event);
  return s;
}

}  // namespace parley::domain::testimonial
