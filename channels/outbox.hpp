// The outbox sender. Every outbound message is first an event in the log
// (a conversation's conversation.message_sent on a platform channel, or a
// notification.queued); the outbox view hands them here in log order, and
// this class delivers them:
//
//   - per chat in order: the next message (or part) to one chat waits until
//     the previous one is delivered and recorded, or dead-lettered;
//   - paced per platform account and per chat with token buckets (Limits);
//   - retried with exponential backoff and jitter, honouring the platform's
//     retry-after, until RetryPolicy::max_attempts, then dead-lettered;
//     a permanent refusal (4xx other than 408/429) dead-letters at once;
//   - each part's delivery recorded as delivery.part_sent on the stream
//     ("delivery", <message id>) with the expected version, before the next
//     part to that chat is attempted.
//
// After a restart the view replays the log, so a message without its
// delivery events is sent again and one with them is not. A crash between a
// platform's 2xx and the durable record sends that part again (at least once).
//
// One thread does the scheduling and runs the HTTP transfers (libcurl multi);
// public methods are thread-safe.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <queue>
#include <random>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "channels/channel.hpp"
#include "channels/http_client.hpp"
#include "channels/pacing.hpp"
#include "domain/delivery.hpp"
#include "events/group_commit_writer.hpp"

namespace parley::channels {

struct OutboxItem {
  std::string id;  // the message or notification id; also the delivery stream's id
  std::string channel;
  std::string recipient;
  std::string conversation_id;  // "" for notifications
  std::string text;
  std::vector<domain::conversation::Media> media;
  domain::conversation::Template template_message;
  int64_t queued_at_us = 0;
};

struct OutboxOptions {
  RetryPolicy retry;
  bool pacing = true;  // false only for benchmarks against a local sink
  size_t max_in_flight = 64;
  HttpOptions http;
};

// A message as GET /api/v1/outbox shows it.
struct OutboxEntry {
  OutboxItem item;
  std::string state;  // "queued", "sending", "retrying", "dead"
  uint32_t parts_done = 0, parts = 0, attempts = 0;
  std::string last_error;
  int64_t next_attempt_us = 0;
};

struct OutboxStats {
  uint64_t queued = 0;      // messages handed to the outbox since start
  uint64_t delivered = 0;   // messages this process delivered in full (not replays)
  uint64_t parts_sent = 0;  // platform messages this process got accepted
  uint64_t retries = 0;     // failed attempts that will be retried
  uint64_t dead = 0;        // dead-lettered now
  uint64_t pending = 0;     // not delivered and not dead
  uint64_t in_flight = 0;
  uint64_t indicators = 0;  // typing indicators and read receipts sent
};

class Outbox {
 public:
  using Clock = std::function<int64_t()>;  // µs since the epoch
  using Adapters = std::map<std::string, std::shared_ptr<const Adapter>>;

  // Borrows the writer; it must outlive the outbox.
  Outbox(Adapters adapters, events::GroupCommitWriter& writer, OutboxOptions options, Clock now_us);
  ~Outbox();  // stop()
  Outbox(const Outbox&) = delete;
  Outbox& operator=(const Outbox&) = delete;

  // From the log, in log order (the outbox view). Before start() nothing is sent,
  // so a replay settles every message before the first attempt.
  void enqueue(OutboxItem item);
  void on_delivery_event(const std::string& id, uint64_t seq, const domain::delivery::Event& e);

  // Called with each part's platform message id once its delivery.part_sent
  // is durable, on the outbox's thread (under its lock: keep it short, and
  // do not call the outbox from it). Set before start().
  using PartRecorded =
      std::function<void(const std::string& id, const std::string& platform_message_id)>;
  void on_part_recorded(PartRecorded f) { part_recorded_ = std::move(f); }

  void start();
  // After start() this outbox writes every delivery record and applies it
  // itself: the feed reads only the replay's (channels/outbox_feed.hpp).
  bool sending() const { return sending_.load(std::memory_order_acquire); }
  // Stops sending; waits for delivery records already submitted.
  void stop();

  enum class RetryAnswer { queued, not_found, not_dead, failed };
  // Revives a dead-lettered message (delivery.retry_requested); blocks until durable.
  RetryAnswer retry(const std::string& id, const std::string& by);

  // The typing indicator for a reply being prepared: sent at `at_us` unless
  // cancel_indicator(token) came first. Returns 0 if the platform has none.
  uint64_t typing_at(const std::string& channel, const std::string& recipient,
                     const std::string& inbound_id, int64_t at_us);
  void cancel_indicator(uint64_t token);
  void mark_read(const std::string& channel, const std::string& recipient,
                 const std::string& inbound_id);

  std::vector<OutboxEntry> list(bool dead_only, size_t limit) const;
  bool find(const std::string& id, OutboxEntry* out) const;
  OutboxStats stats() const;
  bool has_adapter(const std::string& channel) const { return adapters_.count(channel) > 0; }

 private:
  struct Item;
  struct Chat;
  struct Recorded;
  struct Indicator {
    uint64_t token;
    int64_t due_us;
    HttpCall call;
  };

  void loop();
  void run_due(int64_t now);  // under mu_
  void try_start(const std::string& chat_key, int64_t now);
  void on_response(uint64_t tag, const HttpResponse& response, int64_t now);
  void record(Item& item, const domain::delivery::Command& command);  // decide, then submit
  void submit(Item& item, domain::delivery::Event event);
  void drop(Item& item);  // stops tracking it here; the log keeps what happened
  void on_recorded(Recorded r, int64_t now);
  // `replayed`: read back from the log at start, not delivered by this process.
  void apply(Item& item, const domain::delivery::Event& e, bool replayed);
  Chat& chat_of(const Item& item);  // created with the platform's per-chat pacing
  void schedule(const std::string& chat_key, int64_t at_us);
  void remove_from_chat(const Item& item);
  OutboxEntry entry_of(const Item& item) const;

  const Adapters adapters_;
  events::GroupCommitWriter& writer_;
  const OutboxOptions options_;
  const Clock now_us_;
  std::unique_ptr<MultiClient> http_;

  mutable std::mutex mu_;
  std::condition_variable records_cv_;
  std::unordered_map<std::string, std::unique_ptr<Item>> items_;
  std::unordered_map<std::string, std::unique_ptr<Chat>> chats_;
  std::map<std::string, TokenBucket> account_buckets_;
  using Wake = std::pair<int64_t, std::string>;
  std::priority_queue<Wake, std::vector<Wake>, std::greater<Wake>> wakes_;
  std::vector<Recorded> recorded_;
  size_t records_outstanding_ = 0;
  std::unordered_map<uint64_t, std::string> transfers_;  // tag -> item id ("" for indicators)
  std::vector<Indicator> indicators_;
  uint64_t next_tag_ = 1;
  std::mt19937_64 rng_{0x5eed};
  OutboxStats stats_;
  bool started_ = false;
  std::atomic<bool> sending_{false};
  PartRecorded part_recorded_;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace parley::channels
