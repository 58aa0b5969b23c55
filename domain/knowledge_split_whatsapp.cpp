// WhatsApp's "Export chat" text: messages grouped into passages.
#include "domain/knowledge_split_parts.hpp"

namespace parley::domain::knowledge::detail {
namespace {
// ---- WhatsApp's "Export chat" -----------------------------------------------

constexpr size_t kMaxSenderBytes = 80;  // a longer "name" is a system line with a colon

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool take_digits(std::string_view s, size_t* i, size_t min, size_t max) {
  size_t n = 0;
  while (*i + n < s.size() && n < max && is_digit(s[*i + n])) ++n;
  *i += n;
  return n >= min;
}

// Spaces, U+00A0, U+202F (before "PM" in newer exports) and the direction marks
// U+200E and U+200F (before iOS's system and media lines).
void skip_spacing(std::string_view s, size_t* i) {
  while (*i < s.size()) {
    std::string_view rest = s.substr(*i, 3);
    if (s[*i] == ' ' || s[*i] == '\t')
      *i += 1;
    else if (rest.substr(0, 2) == "\xC2\xA0")
      *i += 2;
    else if (rest == "\xE2\x80\xAF" || rest == "\xE2\x80\x8E" || rest == "\xE2\x80\x8F")
      *i += 3;
    else
      break;
  }
}

// Where the message starts after the stamp of "12/31/23, 10:15 PM - " (Android)
// or "[31/12/2023, 22:15:03] " (iOS): a date of three numbers with '/', '.' or
// '-' between, a time with ':' or '.', up to 24 bytes of "PM", "p. m." and the
// like. npos when the line starts otherwise (it continues the message before).
size_t after_stamp(std::string_view s) {
  size_t i = 0;
  skip_spacing(s, &i);
  bool ios = i < s.size() && s[i] == '[';
  if (ios) ++i;
  for (int part = 0; part < 3; ++part) {
    if (!take_digits(s, &i, 1, 4)) return npos;
    if (part == 2) break;
    if (i == s.size() || (s[i] != '/' && s[i] != '.' && s[i] != '-')) return npos;
    ++i;
  }
  if (i < s.size() && s[i] == ',') ++i;
  skip_spacing(s, &i);
  if (!take_digits(s, &i, 1, 2)) return npos;
  for (int part = 0; part < 2; ++part) {  // minutes, then seconds if there are any
    bool sep = i + 1 < s.size() && (s[i] == ':' || s[i] == '.') && is_digit(s[i + 1]);
    if (!sep) {
      if (part == 0) return npos;
      break;
    }
    ++i;
    if (!take_digits(s, &i, 2, 2)) return npos;
  }
  for (size_t j = i; j < s.size() && j < i + 24; ++j) {
    if (is_digit(s[j])) return npos;
    if (ios && s[j] == ']') return j + 1 < s.size() && s[j + 1] == ' ' ? j + 2 : j + 1;
    if (!ios && s[j] == '-' && j + 1 < s.size() && s[j + 1] == ' ') return j + 2;
  }
  return npos;
}

bool ends_with(std::string_view s, std::string_view end) {
  return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}
// WhatsApp's own words in a message's place, in English, Spanish, Russian and
// Indonesian exports: media left out, deleted messages, the encryption notice.
bool is_system_text(std::string_view t) {
  static constexpr std::string_view kWhole[] = {"<Media omitted>",
                                                "image omitted",
                                                "video omitted",
                                                "audio omitted",
                                                "sticker omitted",
                                                "GIF omitted",
                                                "Contact card omitted",
                                                "This message was deleted",
                                                "You deleted this message",
                                                "Missed voice call",
                                                "Missed video call",
                                                "null",
                                                "<Multimedia omitido>",
                                                "imagen omitida",
                                                "video omitido",
                                                "audio omitido",
                                                "sticker omitido",
                                                "GIF omitido",
                                                "Se eliminó este mensaje.",
                                                "Eliminaste este mensaje.",
                                                "<Без медиафайлов>",
                                                "изображение отсутствует",
                                                "видео отсутствует",
                                                "аудиофайл отсутствует",
                                                "стикер отсутствует",
                                                "GIF отсутствует",
                                                "Данное сообщение удалено",
                                                "Вы удалили данное сообщение",
                                                "<Media tidak disertakan>",
                                                "gambar tidak disertakan",
                                                "video tidak disertakan",
                                                "audio tidak disertakan",
                                                "stiker tidak disertakan",
                                                "GIF tidak disertakan",
                                                "Pesan ini telah dihapus",
                                                "Anda menghapus pesan ini"};
  static constexpr std::string_view kStart[] = {
      "Messages and calls are end-to-end encrypted",
      "Los mensajes y las llamadas están cifrados de extremo a extremo",
      "Сообщения и звонки защищены сквозным шифрованием",
      "Pesan dan panggilan terenkripsi secara end-to-end", "<attached: "};
  static constexpr std::string_view kEnd[] = {
      "document omitted", "documento omitido", "документ отсутствует", "dokumen tidak disertakan",
      "(file attached)",  "(archivo adjunto)", "(file terlampir)"};
  for (auto w : kWhole)
    if (t == w) return true;
  for (auto w : kStart)
    if (starts_with(t, w)) return true;
  for (auto w : kEnd)
    if (ends_with(t, w) && t.size() < w.size() + 256) return true;
  return false;
}

// What WhatsApp appends to an edited message.
std::string_view without_edit_mark(std::string_view t) {
  static constexpr std::string_view kMarks[] = {"<This message was edited>",
                                                "<Se editó este mensaje.>", "<Сообщение изменено>",
                                                "<Pesan ini diedit>"};
  for (auto m : kMarks)
    if (ends_with(t, m)) return trim(t.substr(0, t.size() - m.size()));
  return t;
}

struct Message {
  std::string sender;
  uint32_t line = 0;
  Block body;  // its lines, joined by line breaks
};

// A message kept, as it is quoted: "sender: text".
struct Said {
  const Message* message;
  std::string_view text;
  size_t bytes() const { return message->sender.size() + 2 + text.size(); }
};

std::vector<Message> read_messages(std::string_view body, bool* any_stamp) {
  std::vector<Message> messages;
  bool in_system = false;  // its continuation lines go with it
  Lines lines(body);
  std::string_view line;
  while (lines.next(&line)) {
    size_t start = after_stamp(line);
    if (start == npos) {
      if (!in_system && !messages.empty())
        messages.back().body.add(collapse(line), lines.number(), '\n');
      continue;
    }
    *any_stamp = true;
    std::string_view rest = line.substr(start);
    size_t colon = rest.substr(0, kMaxSenderBytes + 2).find(": ");
    std::string_view name = colon == npos ? "" : rest.substr(0, colon);
    size_t i = starts_with(name, "~") ? 1 : 0;  // "~ Ana": someone not in the contacts
    skip_spacing(name, &i);
    std::string sender = collapse(name.substr(i));
    in_system = sender.empty();  // "Ana added Ben", the encryption notice, …
    if (in_system) continue;
    std::string_view text = rest.substr(colon + 2);
    i = 0;
    skip_spacing(text, &i);
    messages.push_back({std::move(sender), lines.number(), {}});
    messages.back().body.add(collapse(text.substr(i)), lines.number(), '\n');
  }
  return messages;
}

void emit_group(const std::vector<Said>& said, size_t from, size_t to, const std::string& language,
                Out* out) {
  Passage p;
  for (size_t k = from; k < to; ++k) {
    if (k > from) p.text.push_back('\n');
    p.text.append(said[k].message->sender).append(": ").append(said[k].text);
  }
  p.language = language;
  p.line = said[from].message->line;
  out->passage(std::move(p));
}

// One message longer than a passage: cut like a paragraph, each piece under its sender.
void emit_long(const Said& said, const std::string& language, Out* out) {
  const Message& m = *said.message;
  bool first = true;
  for (auto [b, e] : cut(said.text, kMaxPassageBytes - m.sender.size() - 2)) {
    Passage p;
    p.text = m.sender + ": " + std::string(said.text.substr(b, e - b));
    p.language = language;
    p.line = first ? m.line : m.body.line_at(b);
    first = false;
    out->passage(std::move(p));
  }
}

// Consecutive messages fill a passage; when the next would not fit, the
// passage ends where its first speaker last spoke again after someone else,
// so a question stays with its answers. A group that ends there carries the
// rest over, and the next group reaches past what was carried, so each
// message is looked at a bounded number of times.
}  // namespace

void split_whatsapp(std::string_view body, const std::string& language, Out* out) {
  bool any_stamp = false;
  auto messages = read_messages(body, &any_stamp);
  if (!any_stamp && !trim(body).empty()) {
    out->error(0,
               "no WhatsApp messages found; expected lines like "
               "\"12/31/23, 10:15 PM - Ana: hola\" or \"[31/12/23, 22:15:03] Ana: hola\"");
    return;
  }
  std::vector<Said> said;
  for (const auto& m : messages) {
    std::string_view text = without_edit_mark(m.body.text());
    if (!text.empty() && !is_system_text(text)) said.push_back({&m, text});
  }
  size_t from = 0;
  while (from < said.size()) {
    if (said[from].bytes() > kMaxPassageBytes) {
      emit_long(said[from], language, out);
      ++from;
      continue;
    }
    const std::string& first = said[from].message->sender;
    auto turn_at = [&](size_t k) {
      return said[k].message->sender == first && said[k - 1].message->sender != first;
    };
    size_t bytes = said[from].bytes(), to = from + 1, turn = from;
    for (; to < said.size() && bytes + 1 + said[to].bytes() <= kMaxPassageBytes; ++to) {
      bytes += 1 + said[to].bytes();
      if (turn_at(to)) turn = to;
    }
    if (to < said.size() && !turn_at(to) && turn > from) to = turn;
    emit_group(said, from, to, language, out);
    from = to;
  }
}

}  // namespace parley::domain::knowledge::detail
