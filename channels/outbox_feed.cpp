#include "channels/outbox_feed.hpp"

#include <cstdio>

#include "events/conversation_codec.hpp"
#include "events/delivery_codec.hpp"

namespace parley::channels {

namespace conv = domain::conversation;
namespace codec = events::delivery_codec;

OutboxFeed::OutboxFeed(events::EventStore& store, Outbox& outbox, std::set<std::string> platforms)
    : LogFollower(store), outbox_(outbox), platforms_(std::move(platforms)) {}

OutboxFeed::~OutboxFeed() {
  stop_following();
}

void OutboxFeed::set_notice_index(NoticeIndex* notices) {
  notices_ = notices;
  if (notices)
    outbox_.on_part_recorded([notices](const std::string& id, const std::string& platform_id) {
      notices->sent(id, platform_id);
    });
}

bool OutboxFeed::wants(std::string_view type) const {
  return type == events::conversation_codec::kMessageSent ||
         type == events::conversation_codec::types::kCustomerForgotten ||
         type == events::conversation_codec::kMessageReceived ||
         type == codec::kNotificationQueued ||
         (codec::is_delivery_event(type) && !outbox_.sending());
}

bool OutboxFeed::on_platform(const std::string& conversation_id) const {
  const auto colon = conversation_id.find(':');
  return colon != std::string::npos && platforms_.count(conversation_id.substr(0, colon));
}

events::Status OutboxFeed::apply(const events::EventEnvelope& env) {
  if (env.type == events::conversation_codec::types::kCustomerForgotten) {
    auto decoded = events::conversation_codec::decode(env);
    if (!decoded) return decoded.status();
    if (erase_key_ && std::get<conv::CustomerForgotten>(*decoded).by == "shopper")
      erasure_awaits_reply_.insert(env.entity_id);
    return events::Status::Ok();
  }
  if (env.type == events::conversation_codec::kMessageSent &&
      erasure_awaits_reply_.erase(env.entity_id))
    erasure_due_.insert(env.entity_id);  // erased after this reply is handed on, below
  if (env.type == events::conversation_codec::kMessageReceived) {
    // API chats and conversations known to be started are skipped unparsed.
    if (!on_platform(env.entity_id) || platform_started_.count(env.entity_id))
      return events::Status::Ok();
    auto decoded = events::conversation_codec::decode(env);
    if (!decoded) return decoded.status();
    if (std::get<conv::MessageReceived>(*decoded).via.empty())
      platform_started_.insert(env.entity_id);
    return events::Status::Ok();
  }
  if (env.type == events::conversation_codec::kMessageSent) {
    // The channel is the conversation id's prefix: API chats are skipped unparsed.
    if (!on_platform(env.entity_id)) return events::Status::Ok();
    if (!platform_started_.count(env.entity_id)) {
      not_platform_started_.fetch_add(1, std::memory_order_relaxed);
      return events::Status::Ok();
    }
    auto decoded = events::conversation_codec::decode(env);
    if (!decoded) return decoded.status();
    const auto& m = std::get<conv::MessageSent>(*decoded);
    outbox_.enqueue({m.message_id, m.channel, m.user_id, env.entity_id, m.text, m.media,
                     m.template_message, m.at_us});
    return events::Status::Ok();
  }
  if (env.type == codec::kNotificationQueued) {
    auto n = codec::decode_notification(env);
    if (!n) return n.status();
    // Known to the index before the outbox can send it: its platform id
    // comes from the outbox's thread (set_notice_index), maybe at once.
    if (notices_) notices_->queued(n->id, n->channel, n->recipient);
    outbox_.enqueue({n->id, n->channel, n->recipient, "", n->text, {}, {}, n->at_us});
    return events::Status::Ok();
  }
  auto e = codec::decode(env);
  if (!e) return e.status();
  if (notices_)
    if (const auto* sent = std::get_if<domain::delivery::PartSent>(&*e))
      notices_->sent(env.entity_id, sent->platform_message_id);
  outbox_.on_delivery_event(env.entity_id, env.seq, *e);
  return events::Status::Ok();
}

void OutboxFeed::publish(uint64_t) {
  for (auto it = erasure_due_.begin(); it != erasure_due_.end();) {
    if (auto st = erase_key_(*it); !st.ok()) {
      std::fprintf(stderr, "parley: outbox feed: the key of %s is not erased yet: %s\n",
                   it->c_str(), st.to_string().c_str());
      ++it;  // tried again after the next batch
    } else {
      it = erasure_due_.erase(it);
    }
  }
}

}  // namespace parley::channels
