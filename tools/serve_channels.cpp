#include "tools/serve_channels.hpp"

#include <cstdio>

#include "http/metrics.hpp"
#include "tools/commands.hpp"

namespace parley::tools {

channels::Outbox::Adapters make_adapters(const Settings& s) {
  if (s.telegram.insecure)
    std::fprintf(stderr,
                 "parley: WARNING: PARLEY_INSECURE_WEBHOOKS=1: Telegram and GREEN-API webhooks "
                 "without a configured secret are accepted unchecked. Anyone who reaches this "
                 "server can write as any chat, team members included. Local demos only.\n");
  channels::Outbox::Adapters a;
  a["telegram"] = channels::make_telegram(s.telegram);
  a["whatsapp"] = channels::make_whatsapp(s.whatsapp);
  a["twilio"] = channels::make_twilio(s.twilio);
  a["greenapi"] = channels::make_greenapi(s.greenapi);
  a["maytapi"] = channels::make_maytapi(s.maytapi);
  return a;
}

std::string manager_channel(const Settings& s, const channels::Outbox::Adapters& adapters) {
  if (!s.manager_channel.empty()) return s.manager_channel;
  for (const char* c : {"whatsapp", "twilio", "greenapi", "maytapi"})
    if (adapters.at(c)->can_send()) return c;
  return "";
}

ServeChannels::ServeChannels(const Settings& settings, channels::Outbox::Adapters adapters,
                             events::EventStore& store, events::GroupCommitWriter& writer,
                             actors::Engine& engine, const http::Authorizer& auth,
                             decltype(intake::IntakeOptions::team_member) team_member,
                             decltype(intake::IntakeOptions::crm) crm,
                             decltype(intake::IntakeOptions::read_media) read_media)
    : settings_(settings), adapters_(std::move(adapters)), engine_(engine) {
  outbox_ = std::make_unique<channels::Outbox>(adapters_, writer, settings.outbox, wall_clock_us);
  std::set<std::string> platforms;
  for (const auto& [name, _] : adapters_) platforms.insert(name);
  feed_ = std::make_unique<channels::OutboxFeed>(store, *outbox_, platforms);
  feed_->set_notice_index(&notices_);
  limiter_ = std::make_unique<channels::RateLimiter>(settings.inbound);
  intake::IntakeOptions intake_options;
  intake_options.timeout = settings.request_timeout;
  intake_options.typing_delay = settings.typing_delay;
  intake_options.mark_read = settings.mark_read;
  intake_options.managers = settings.manager_numbers;
  intake_options.team_language = settings.team_language;
  intake_options.team_member = std::move(team_member);
  intake_options.crm = std::move(crm);
  intake_options.read_media = std::move(read_media);
  intake_options.notices = &notices_;
  intake_ = std::make_unique<intake::ChannelIntake>(engine, outbox_.get(), feed_.get(), *limiter_,
                                                    intake_options, wall_clock_us);
  api_ = std::make_unique<http::ChannelApiContext>(
      http::ChannelApiContext{adapters_, settings.whatsapp, *intake_, engine, outbox_.get(),
                              feed_.get(), auth, settings.request_timeout, wall_clock_us});
  manage_ = std::make_unique<http::ConversationManageContext>(
      http::ConversationManageContext{engine, auth, settings.request_timeout, wall_clock_us});
}

ServeChannels::~ServeChannels() {
  stop();
}

events::Status ServeChannels::start_outbox() {
  auto st = feed_->catch_up();
  if (!st.ok()) return st;
  const auto s = outbox_->stats();
  if (s.pending || s.dead)
    std::fprintf(stderr, "parley: outbox: %llu messages to deliver, %llu dead-lettered\n",
                 static_cast<unsigned long long>(s.pending),
                 static_cast<unsigned long long>(s.dead));
  outbox_->start();
  feed_->start_following(std::chrono::milliseconds(100));
  return events::Status::Ok();
}

void ServeChannels::register_routes(http::Router& router) {
  http::register_channel_api(router, *api_);
  http::register_conversation_manage_api(router, *manage_);
}

void ServeChannels::start_pollers() {
  auto deliver = [this](const char* platform) {
    return [this, platform](const channels::WebhookRequest& update) {
      const auto& adapter = *adapters_.at(platform);
      auto parsed = adapter.parse(update);
      if (!parsed.ok) {
        std::fprintf(stderr, "parley: %s poll: skipped an update: %s\n", platform,
                     parsed.error.c_str());
        return true;  // it will never parse: acknowledge it
      }
      return intake_->accept(adapter, parsed.webhook).ok();
    };
  };
  if (settings_.telegram_polling && adapters_.at("telegram")->can_send())
    pollers_.push_back(channels::Poller::telegram(settings_.telegram, deliver("telegram")));
  if (settings_.greenapi_polling && adapters_.at("greenapi")->can_send())
    pollers_.push_back(channels::Poller::greenapi(settings_.greenapi, deliver("greenapi")));
  for (auto& p : pollers_) p->start();
}

void ServeChannels::stop_pollers() {
  for (auto& p : pollers_) p->stop();
}

void ServeChannels::stop() {
  if (stopped_) return;
  stopped_ = true;
  stop_pollers();
  feed_->stop_following();
  outbox_->stop();
}

std::string ServeChannels::metrics() const {
  const auto s = outbox_->stats();
  std::string out;
  auto line = [&](const char* name, const char* type, const char* help, uint64_t v) {
    http::append_metric(&out, name, type, help, v);
  };
  line("parley_outbox_queued_total", "counter", "Outbound messages handed to the outbox.",
       s.queued);
  line("parley_outbox_delivered_total", "counter", "Outbound messages delivered in full.",
       s.delivered);
  line("parley_outbox_parts_sent_total", "counter", "Platform messages accepted.", s.parts_sent);
  line("parley_outbox_retries_total", "counter", "Failed attempts that will be retried.",
       s.retries);
  line("parley_outbox_pending", "gauge", "Messages not yet delivered.", s.pending);
  line("parley_outbox_dead", "gauge", "Dead-lettered messages.", s.dead);
  line("parley_outbox_in_flight", "gauge", "HTTP calls to platforms in flight.", s.in_flight);
  line("parley_outbox_indicators_total", "counter", "Typing indicators and read receipts sent.",
       s.indicators);
  line("parley_outbox_not_platform_started_total", "counter",
       "Replies not sent: no platform started their conversation (REST turns on its channel).",
       feed_->not_platform_started());
  return out;
}

}  // namespace parley::tools
