// Channel routes: the platforms' webhooks, WhatsApp's GET handshake, and the
// people's side of the outbox — answering a conversation, switching human
// mode, forgetting its customer, and reading or retrying what could not be
// delivered. docs/API.md.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>

#include "channels/adapters.hpp"
#include "channels/outbox.hpp"
#include "http/auth.hpp"
#include "http/router.hpp"
#include "intake/channel_intake.hpp"

namespace parley::http {

struct ChannelApiContext {
  std::map<std::string, std::shared_ptr<const channels::Adapter>> adapters;  // by channel name
  channels::WhatsAppConfig whatsapp;  // for the GET handshake
  intake::ChannelIntake& intake;
  actors::Engine& engine;
  channels::Outbox* outbox = nullptr;
  projections::LogFollower* feed = nullptr;
  Authorizer auth;  // the reply, handoff and outbox routes need the role sales or admin
  std::chrono::milliseconds timeout{5000};
  std::function<int64_t()> now_us;
  // Erases the customer key of a conversation (privacy/sealed_event_store.hpp);
  // unset: POST …/forget answers 503.
  std::function<events::Status(const std::string& conversation_id)> forget_keys = {};
};

void register_channel_api(Router& router, ChannelApiContext& ctx);

HttpResponse handle_webhook(ChannelApiContext& ctx, const std::string& platform,
                            const HttpRequest& req);
HttpResponse handle_whatsapp_handshake(ChannelApiContext& ctx, const HttpRequest& req);
HttpResponse handle_reply(ChannelApiContext& ctx, const HttpRequest& req);
HttpResponse handle_handoff(ChannelApiContext& ctx, const HttpRequest& req);
// Admin only: CustomerForgotten in the conversation, then its key is erased.
HttpResponse handle_forget(ChannelApiContext& ctx, const HttpRequest& req);
HttpResponse handle_outbox_list(ChannelApiContext& ctx, const HttpRequest& req);
HttpResponse handle_outbox_retry(ChannelApiContext& ctx, const HttpRequest& req);

}  // namespace parley::http
