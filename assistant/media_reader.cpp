#include "assistant/media_reader.hpp"

#include "assistant/call_record.hpp"
#include "domain/limits.hpp"

namespace parley::assistant {

namespace {

using Clock = std::chrono::steady_clock;

std::string trimmed(const std::string& s, const char* chars) {
  const size_t first = s.find_first_not_of(chars);
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(chars) - first + 1);
}

// The language a photo's search is written in: the catalog's words for
// Hindi speakers are mostly Latin-letter Hinglish.
std::string language_name(const std::string& code) {
  if (code == "es") return "Spanish";
  if (code == "ru") return "Russian";
  if (code == "id") return "Indonesian";
  if (code == "hi") return "Hinglish (Hindi in Latin letters)";
  return "English";
}

}  // namespace

std::string cleaned_reading(const std::string& answer, size_t max_bytes) {
  std::string text = trimmed(answer, " \t\r\n\"'`");
  if (text.size() > 2 && text.back() == '.' && text[text.size() - 2] != '.') text.pop_back();
  for (char& c : text)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  if (text.empty() || text.size() > max_bytes || text == "NONE" || text == "None") return "";
  return text;
}

ModelMediaReader::ModelMediaReader(
    const LlmSettings& settings,
    std::map<std::string, std::shared_ptr<const llm::Provider>> providers,
    std::chrono::milliseconds timeout)
    : settings_(settings), providers_(std::move(providers)), timeout_(timeout) {}

ModelMediaReader::Choice ModelMediaReader::choose(bool voice) const {
  Choice c;
  const auto agent = settings_.agent("media");
  auto it = providers_.find(agent.provider);
  if (it == providers_.end()) return c;
  c.provider = it->second;
  c.preset = llm::find_preset(agent.provider);
  if (c.preset == nullptr) return c;
  // An admin's model for the agent reads photos; it hears only on Gemini,
  // whose chat models take audio. OpenAI-compatible servers hear through
  // their transcription model, whatever the agent's.
  const bool chosen = settings_.configured("media");
  const bool gemini = c.preset->wire == llm::WireFormat::gemini;
  if (voice)
    c.model = chosen && gemini ? agent.model : c.preset->transcribe_model;
  else
    c.model = chosen ? agent.model : c.preset->vision_model;
  return c;
}

bool ModelMediaReader::hears() const {
  return !choose(true).model.empty();
}
bool ModelMediaReader::sees() const {
  return !choose(false).model.empty();
}

llm::Result ModelMediaReader::ask(const Choice& choice, const brain::MediaFile& file,
                                  const std::string& language, const std::string& caption,
                                  Clock::time_point deadline) const {
  llm::Attachment media{file.mime, file.data};
  if (file.kind == "voice" && choice.preset->wire != llm::WireFormat::gemini)
    return choice.provider->transcribe({choice.model, std::move(media), ""}, deadline);
  llm::CompletionRequest req;
  req.model = choice.model;
  req.temperature = 0;
  std::string told;
  if (file.kind == "voice") {
    req.system = settings_.prompt("transcribe_voice");
    req.max_tokens = 1024;
  } else {
    req.system = settings_.prompt("describe_photo");
    req.max_tokens = 40;
    told = "Language: " + language_name(language);
    if (!caption.empty()) told += "\nThe shopper wrote with it: " + caption;
  }
  req.messages.push_back({llm::Message::Role::user, told});
  req.messages.back().attachments.push_back(std::move(media));
  return choice.provider->complete(req, deadline);
}

brain::MediaReading ModelMediaReader::read(const brain::MediaFile& file,
                                           const std::string& language, const std::string& caption,
                                           const std::string& conversation_id,
                                           int64_t at_us) const {
  brain::MediaReading out;
  out.kind = file.kind;
  out.stored = file.stored;
  out.mime = file.mime;
  out.bytes = static_cast<int64_t>(file.data.size());
  const bool voice = file.kind == "voice";
  const Choice choice = choose(voice);
  if (!choice.provider || choice.model.empty()) {
    out.error = "no_model";
    return out;
  }
  out.provider = choice.provider->name();
  out.model = choice.model;
  const auto started = Clock::now();
  auto result = ask(choice, file, language, caption, started + timeout_);
  auto call =
      call_record(out.provider, choice.model, "media", conversation_id, started, at_us, result);
  if (!result) {
    out.error = call.outcome;
  } else {
    out.text = cleaned_reading(result.value().text,
                               voice ? domain::kMaxTextBytes : brain::kMaxPhotoSearchBytes);
    if (out.text.empty()) call.outcome = out.error = "nothing_read";
  }
  out.calls.push_back(call);
  return out;
}

}  // namespace parley::assistant
