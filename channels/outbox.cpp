#include "channels/outbox.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>

#include "domain/overloaded.hpp"
#include "events/delivery_codec.hpp"

namespace parley::channels {

namespace delivery = domain::delivery;
using domain::overloaded;

struct Outbox::Item {
  OutboxItem message;
  std::string chat_key;
  std::vector<OutboundPart> parts;
  delivery::State state;  // what its delivery stream says: parts done, dead, version
  uint32_t attempts = 0;  // of the current part
  int64_t next_attempt_us = 0;
  std::string last_error;  // the last failure, retried or not
  bool in_flight = false;
  bool recording = false;
  std::optional<delivery::Event> unrecorded;  // an outcome whose record failed
};

struct Outbox::Chat {
  std::deque<std::string> ids;  // in log order; the front is the one being sent
  TokenBucket bucket;
};

struct Outbox::Recorded {
  std::string id;
  delivery::Event event;
  events::AppendResult result;
};

Outbox::Outbox(Adapters adapters, events::GroupCommitWriter& writer, OutboxOptions options,
               Clock now_us)
    : adapters_(std::move(adapters)),
      writer_(writer),
      options_(options),
      now_us_(std::move(now_us)),
      http_(std::make_unique<MultiClient>(options.http)) {
  for (const auto& [name, adapter] : adapters_) {
    const auto l = adapter->limits();
    account_buckets_[name] =
        TokenBucket(l.messages_per_second, std::max(1.0, l.messages_per_second));
  }
}

Outbox::~Outbox() {
  stop();
}

void Outbox::enqueue(OutboxItem message) {
  std::lock_guard lock(mu_);
  if (items_.count(message.id)) return;  // seen already (a replay overlapping the live feed)
  auto item = std::make_unique<Item>();
  item->chat_key = message.channel + ":" + message.recipient;
  if (auto a = adapters_.find(message.channel); a != adapters_.end())
    item->parts =
        plan_parts(message.text, message.media, message.template_message, a->second->limits());
  item->message = std::move(message);
  chat_of(*item).ids.push_back(item->message.id);
  ++stats_.queued;
  ++stats_.pending;
  const std::string key = item->chat_key;
  items_.emplace(item->message.id, std::move(item));
  if (started_) {
    schedule(key, 0);
    http_->wakeup();
  }
}

void Outbox::on_delivery_event(const std::string& id, uint64_t seq, const delivery::Event& e) {
  std::lock_guard lock(mu_);
  auto it = items_.find(id);
  if (it == items_.end() || seq <= it->second->state.version) return;  // done, or applied already
  if (it->second->recording) return;  // this process's own record: on_recorded applies it
  it->second->state.version = seq - 1;
  apply(*it->second, e, /*replayed=*/true);
}

Outbox::Chat& Outbox::chat_of(const Item& item) {
  auto& chat = chats_[item.chat_key];
  if (!chat) {
    chat = std::make_unique<Chat>();
    if (auto a = adapters_.find(item.message.channel); a != adapters_.end()) {
      const auto l = a->second->limits();
      chat->bucket = TokenBucket(1.0 / std::max(0.001, l.chat_interval_s), l.chat_burst);
    }
  }
  return *chat;
}

// Applies a recorded delivery event to the item: the domain's evolve moves
// its state; here only the queue and the counters follow. Limits are compiled
// in, so a message is planned into the same parts on every start; the
// recorded part count decides when it is complete.
void Outbox::apply(Item& item, const delivery::Event& e, bool replayed) {
  const bool was_dead = item.state.dead;
  item.state = delivery::evolve(std::move(item.state), e);
  std::visit(overloaded{[&](const delivery::PartSent&) {
                          item.attempts = 0;
                          if (!replayed) ++stats_.parts_sent;
                          if (!item.state.delivered()) return;
                          remove_from_chat(item);
                          if (!replayed) ++stats_.delivered;
                          --stats_.pending;
                          items_.erase(item.message.id);  // `item` is gone from here on
                        },
                        [&](const delivery::DeadLettered& d) {
                          if (was_dead) return;
                          item.last_error = d.error;
                          item.attempts = d.attempts;
                          remove_from_chat(item);
                          ++stats_.dead;
                          --stats_.pending;
                        },
                        [&](const delivery::RetryRequested&) {
                          if (!was_dead) return;
                          item.attempts = 0;
                          item.next_attempt_us = 0;
                          --stats_.dead;
                          ++stats_.pending;
                          chat_of(item).ids.push_back(item.message.id);
                          if (started_) schedule(item.chat_key, 0);
                        }},
             e);
}

void Outbox::remove_from_chat(const Item& item) {
  auto c = chats_.find(item.chat_key);
  if (c == chats_.end()) return;
  auto& ids = c->second->ids;
  ids.erase(std::remove(ids.begin(), ids.end(), item.message.id), ids.end());
  if (started_ && !ids.empty()) schedule(item.chat_key, 0);
}

void Outbox::schedule(const std::string& chat_key, int64_t at_us) {
  wakes_.push({at_us, chat_key});
}

void Outbox::start() {
  std::lock_guard lock(mu_);
  if (started_) return;
  started_ = true;
  sending_.store(true, std::memory_order_release);
  for (const auto& [key, chat] : chats_)
    if (!chat->ids.empty()) schedule(key, 0);
  thread_ = std::thread([this] { loop(); });
}

void Outbox::stop() {
  {
    std::lock_guard lock(mu_);
    if (!started_ || stopping_.exchange(true)) return;
  }
  http_->wakeup();
  if (thread_.joinable()) thread_.join();
  // The writer calls back for records already submitted; wait for them.
  std::unique_lock lock(mu_);
  records_cv_.wait_for(lock, std::chrono::seconds(10), [&] { return records_outstanding_ == 0; });
}

void Outbox::loop() {
  while (!stopping_.load()) {
    int64_t wait_ms = 200;
    {
      std::lock_guard lock(mu_);
      const int64_t now = now_us_();
      auto recorded = std::move(recorded_);
      recorded_.clear();
      for (auto& r : recorded) on_recorded(std::move(r), now);
      run_due(now);
      // With every transfer slot taken, what is due waits for a completion
      // (which ends the poll early); otherwise until the next due time.
      if (http_->in_flight() < options_.max_in_flight) {
        if (!wakes_.empty())
          wait_ms = std::min<int64_t>(wait_ms, (wakes_.top().first - now) / 1000);
        for (const auto& ind : indicators_)
          wait_ms = std::min<int64_t>(wait_ms, (ind.due_us - now) / 1000);
      }
      wait_ms = std::max<int64_t>(0, wait_ms);
      stats_.in_flight = http_->in_flight();
    }
    auto done = http_->run(std::chrono::milliseconds(wait_ms));
    if (done.empty()) continue;
    std::lock_guard lock(mu_);
    const int64_t now = now_us_();
    for (auto& c : done) on_response(c.tag, c.response, now);
  }
}

void Outbox::run_due(int64_t now) {
  // Typing indicators and read receipts: best effort, never retried.
  for (auto it = indicators_.begin(); it != indicators_.end();) {
    if (it->due_us > now || http_->in_flight() >= options_.max_in_flight) {
      ++it;
      continue;
    }
    const uint64_t tag = next_tag_++;
    transfers_[tag] = "";
    http_->start(it->call, tag);
    ++stats_.indicators;
    it = indicators_.erase(it);
  }
  while (!wakes_.empty() && wakes_.top().first <= now) {
    if (http_->in_flight() >= options_.max_in_flight) {
      // Full: the next completion runs the loop again.
      return;
    }
    std::string key = wakes_.top().second;
    wakes_.pop();
    try_start(key, now);
  }
}

void Outbox::try_start(const std::string& key, int64_t now) {
  auto c = chats_.find(key);
  if (c == chats_.end()) return;
  Chat& chat = *c->second;
  if (chat.ids.empty()) {
    chats_.erase(c);
    return;
  }
  auto it = items_.find(chat.ids.front());
  if (it == items_.end()) {  // settled elsewhere; go on with the next
    chat.ids.pop_front();
    schedule(key, now);
    return;
  }
  Item& item = *it->second;
  if (item.in_flight || item.recording || item.state.dead) return;
  if (item.next_attempt_us > now) return schedule(key, item.next_attempt_us);
  if (item.unrecorded) {
    auto event = std::move(*item.unrecorded);
    item.unrecorded.reset();
    return submit(item, std::move(event));
  }
  auto adapter = adapters_.find(item.message.channel);
  if (adapter == adapters_.end() || !adapter->second->can_send()) {
    item.last_error = "channel " + item.message.channel + " is not configured for sending";
    return record(item, delivery::DeadLetter{item.attempts, item.last_error, now});
  }
  if (item.state.parts_done >= item.parts.size()) {  // nothing to send (an empty message)
    return record(item, delivery::DeadLetter{0, "nothing to send", now});
  }
  if (options_.pacing) {
    auto& account = account_buckets_[item.message.channel];
    int64_t wait = std::max(account.wait_us(now), chat.bucket.wait_us(now));
    if (wait > 0) return schedule(key, now + wait);
    account.take(now);
    chat.bucket.take(now);
  }
  item.in_flight = true;
  ++item.attempts;
  const uint64_t tag = next_tag_++;
  transfers_[tag] = item.message.id;
  http_->start(
      adapter->second->send_call(item.message.recipient, item.parts[item.state.parts_done]), tag);
}

void Outbox::on_response(uint64_t tag, const HttpResponse& response, int64_t now) {
  auto t = transfers_.find(tag);
  if (t == transfers_.end()) return;
  const std::string id = t->second;
  transfers_.erase(t);
  if (id.empty()) return;  // an indicator
  auto it = items_.find(id);
  if (it == items_.end()) return;
  Item& item = *it->second;
  item.in_flight = false;
  const auto result = adapters_.at(item.message.channel)->classify(response);
  if (result.outcome == Outcome::delivered) {
    return record(item, delivery::RecordPartSent{item.state.parts_done,
                                                 static_cast<uint32_t>(item.parts.size()),
                                                 result.platform_message_id, item.attempts, now});
  }
  item.last_error = result.error;
  if (result.outcome == Outcome::permanent || item.attempts >= options_.retry.max_attempts) {
    return record(item, delivery::DeadLetter{item.attempts, result.error, now});
  }
  ++stats_.retries;
  item.next_attempt_us =
      now + retry_delay_us(options_.retry, item.attempts, result.retry_after_ms, rng_);
  schedule(item.chat_key, item.next_attempt_us);
}

// The domain decides what an outcome records. A refusal means the item's
// state and this process disagree (the log has moved on): the log is the
// truth, so the item is dropped here, as on a conflict.
void Outbox::record(Item& item, const delivery::Command& command) {
  auto decided = delivery::decide(item.state, command);
  if (!decided || decided.value().size() != 1) {
    std::fprintf(stderr, "outbox: delivery of %s refused: %s; dropped here\n",
                 item.message.id.c_str(),
                 decided ? "no event" : delivery::to_string(decided.error()));
    drop(item);
    return;
  }
  submit(item, std::move(decided.value().front()));
}

void Outbox::drop(Item& item) {
  remove_from_chat(item);
  if (item.state.dead)
    --stats_.dead;
  else
    --stats_.pending;
  items_.erase(item.message.id);
}

void Outbox::submit(Item& item, delivery::Event event) {
  item.recording = true;
  ++records_outstanding_;
  events::AppendRequest req{{delivery::kEntityType, item.message.id},
                            item.state.version,
                            {events::delivery_codec::encode(event)},
                            std::nullopt};
  writer_.submit(std::move(req), [this, id = item.message.id, event](events::AppendResult r) {
    {
      std::lock_guard lock(mu_);
      recorded_.push_back({id, event, std::move(r)});
      --records_outstanding_;
    }
    records_cv_.notify_all();
    http_->wakeup();
  });
}

void Outbox::on_recorded(Recorded r, int64_t now) {
  auto it = items_.find(r.id);
  if (it == items_.end()) return;
  Item& item = *it->second;
  item.recording = false;
  if (r.result.status.ok()) {
    const std::string key = item.chat_key;
    if (const auto* sent = std::get_if<delivery::PartSent>(&r.event); sent && part_recorded_)
      part_recorded_(r.id, sent->platform_message_id);
    apply(item, r.event, false);  // may erase the item
    schedule(key, now);
    return;
  }
  if (r.result.status.code() == events::StoreErrc::conflict) {
    // Someone else recorded this delivery: the log is the truth, and the
    // view will replay it on the next start. Stop sending it here.
    std::fprintf(stderr, "outbox: delivery of %s was recorded elsewhere; dropped here\n",
                 r.id.c_str());
    drop(item);
    return;
  }
  // The log is unavailable: record the same outcome again in a second
  // (a delivered part is never sent again just because its record failed).
  item.unrecorded = r.event;
  item.next_attempt_us = now + 1000000;
  schedule(item.chat_key, item.next_attempt_us);
}

Outbox::RetryAnswer Outbox::retry(const std::string& id, const std::string& by) {
  delivery::State state;
  {
    std::lock_guard lock(mu_);
    auto it = items_.find(id);
    if (it == items_.end()) return RetryAnswer::not_found;
    state = it->second->state;
  }
  auto decided = delivery::decide(state, delivery::RequestRetry{by, now_us_()});
  if (!decided) return RetryAnswer::not_dead;
  std::vector<events::NewEvent> encoded;
  for (const auto& e : decided.value()) encoded.push_back(events::delivery_codec::encode(e));
  auto r = writer_
               .submit(events::AppendRequest{
                   {delivery::kEntityType, id}, state.version, std::move(encoded), std::nullopt})
               .get();
  if (!r.status.ok()) return RetryAnswer::failed;
  std::lock_guard lock(mu_);
  auto it = items_.find(id);
  if (it != items_.end() && it->second->state.version == state.version)
    for (const auto& e : decided.value()) apply(*it->second, e, false);
  http_->wakeup();
  return RetryAnswer::queued;
}

uint64_t Outbox::typing_at(const std::string& channel, const std::string& recipient,
                           const std::string& inbound_id, int64_t at_us) {
  auto a = adapters_.find(channel);
  if (a == adapters_.end() || !a->second->can_send()) return 0;
  auto call = a->second->typing_call(recipient, inbound_id);
  if (!call) return 0;
  std::lock_guard lock(mu_);
  // Not sending (a cluster's node without the duty, or stopped): a "typing…"
  // kept for later is stale.
  if (!started_ || stopping_) return 0;
  if (indicators_.size() >= 10000) return 0;  // under a flood, indicators are the first to go
  const uint64_t token = next_tag_++;
  indicators_.push_back({token, at_us, std::move(*call)});
  http_->wakeup();
  return token;
}

void Outbox::cancel_indicator(uint64_t token) {
  if (token == 0) return;
  std::lock_guard lock(mu_);
  indicators_.erase(std::remove_if(indicators_.begin(), indicators_.end(),
                                   [&](const Indicator& i) { return i.token == token; }),
                    indicators_.end());
}

void Outbox::mark_read(const std::string& channel, const std::string& recipient,
                       const std::string& inbound_id) {
  auto a = adapters_.find(channel);
  if (a == adapters_.end() || !a->second->can_send()) return;
  auto call = a->second->mark_read_call(recipient, inbound_id);
  if (!call) return;
  std::lock_guard lock(mu_);
  if (!started_ || stopping_ || indicators_.size() >= 10000) return;  // as typing_at
  indicators_.push_back({next_tag_++, 0, std::move(*call)});
  http_->wakeup();
}

OutboxEntry Outbox::entry_of(const Item& item) const {
  OutboxEntry e;
  e.item = item.message;
  e.parts_done = item.state.parts_done;
  e.parts = static_cast<uint32_t>(item.parts.size());
  e.attempts = item.attempts;
  e.last_error = item.last_error;
  e.next_attempt_us = item.next_attempt_us;
  e.state = item.state.dead  ? "dead"
            : item.in_flight ? "sending"
            : item.attempts  ? "retrying"
                             : "queued";
  return e;
}

std::vector<OutboxEntry> Outbox::list(bool dead_only, size_t limit) const {
  std::lock_guard lock(mu_);
  std::vector<OutboxEntry> out;
  for (const auto& [id, item] : items_) {
    if (dead_only && !item->state.dead) continue;
    out.push_back(entry_of(*item));
  }
  std::sort(out.begin(), out.end(), [](const OutboxEntry& a, const OutboxEntry& b) {
    return a.item.queued_at_us != b.item.queued_at_us ? a.item.queued_at_us < b.item.queued_at_us
                                                      : a.item.id < b.item.id;
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

bool Outbox::find(const std::string& id, OutboxEntry* out) const {
  std::lock_guard lock(mu_);
  auto it = items_.find(id);
  if (it == items_.end()) return false;
  *out = entry_of(*it->second);
  return true;
}

OutboxStats Outbox::stats() const {
  std::lock_guard lock(mu_);
  return stats_;
}

}  // namespace parley::channels
