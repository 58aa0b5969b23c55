#include "actors/turn_preparation.hpp"

#include "brain/shop_turn.hpp"
#include "events/conversation_codec.hpp"

namespace parley::actors {

namespace conv = domain::conversation;

bool wants_advice(const ChatTurn& turn, const brain::Understanding& understood) {
  const std::string said = words(turn);
  if (turn.scripted || said.empty() || said[0] == '/') return false;
  if (turn.kind != "text" && turn.kind != "image" && !(turn.media && said != turn.text))
    return false;
  return understood.intent != "human_handoff";
}

std::shared_ptr<const brain::SearchRewrite> rewrite_search(const ChatTurn& turn,
                                                           const brain::Understanding& understood,
                                                           const brain::Catalog& catalog,
                                                           const brain::SearchRewriter& rewriter,
                                                           const std::string& conversation_id) {
  if (turn.scripted || turn.text.empty() || turn.text[0] == '/' || turn.kind != "text")
    return nullptr;
  if (turn.advice && turn.advice->usable) return nullptr;  // the model decided the turn
  if (understood.intent != "product_search" || !rewriter.active()) return nullptr;
  if (!catalog.find_products(turn.text, 1).empty()) return nullptr;
  std::vector<std::string> categories;
  for (const auto& [path, count] : catalog.categories()) categories.push_back(path);
  auto r =
      rewriter.rewrite(turn.text, understood.language, categories, conversation_id, turn.at_us);
  r.original = turn.text;
  if (r.query.empty() && r.calls.empty()) return nullptr;
  return std::make_shared<const brain::SearchRewrite>(std::move(r));
}

std::shared_ptr<const brain::DetailsExtraction> extract_details(
    const ChatTurn& turn, const brain::Understanding& understood, const conv::State& state,
    const brain::DetailsExtractor& extractor, const std::string& conversation_id) {
  const std::string said = words(turn);
  if (turn.scripted || said.empty() || said[0] == '/' || !extractor.active()) return nullptr;
  if (!state.checkout_open || state.awaiting_confirmation || state.handoff_requested)
    return nullptr;
  // What the rules read is not asked of a model: only a gap they leave.
  const auto rules = brain::shop::read_details(said, understood, state.customer);
  if (state.customer.merged(rules).complete()) return nullptr;
  auto r =
      extractor.extract(said, understood.language_certain ? understood.language : state.language,
                        brain::DetailsFor::delivery, conversation_id, turn.at_us);
  if (r.details.empty() && r.calls.empty()) return nullptr;
  return std::make_shared<const brain::DetailsExtraction>(std::move(r));
}

bool receive(const ChatTurn& turn, const std::string& language, conv::State* state) {
  auto r = conv::decide(
      *state,
      conv::ReceiveMessage{
          {static_cast<const conv::Inbound&>(turn)}, turn.request_id, turn.at_us, language});
  if (!r) return false;
  for (const auto& e : r.value()) *state = conv::evolve(std::move(*state), e);
  return true;
}

std::vector<brain::PastMessage> recent_messages(events::EventStore& store,
                                                const std::string& conversation_id, size_t count) {
  const events::StreamId stream{conv::kEntityType, conversation_id};
  auto head = store.stream_head(stream);
  if (!head.ok() || *head == 0) return {};
  // Messages are most of a conversation's events; eight per message covers
  // the searches, cart changes and stages between them.
  const uint64_t span = count * 8;
  const uint64_t from = *head > span ? *head - span + 1 : 1;
  std::vector<events::EventEnvelope> envs;
  if (!store.read_stream(stream, from, SIZE_MAX, &envs).ok()) return {};
  std::vector<brain::PastMessage> out;
  for (const auto& env : envs) {
    if (env.type != events::conversation_codec::kMessageReceived &&
        env.type != events::conversation_codec::kMessageSent)
      continue;
    auto e = events::conversation_codec::decode(env);
    if (!e.ok()) continue;
    if (const auto* r = std::get_if<conv::MessageReceived>(&*e)) {
      if (!r->text.empty()) out.push_back({true, r->text});
    } else if (const auto* s = std::get_if<conv::MessageSent>(&*e)) {
      if (!s->text.empty()) out.push_back({false, s->text});
    }
  }
  if (out.size() > count) out.erase(out.begin(), out.end() - static_cast<long>(count));
  return out;
}

}  // namespace parley::actors
