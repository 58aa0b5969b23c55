#include "domain/customer_merge.hpp"

#include <algorithm>

#include "domain/limits.hpp"
#include "domain/overloaded.hpp"

namespace parley::domain::customer_merge {

const char* to_string(Error e) {
  switch (e) {
    case Error::same_customer:
      return "same_customer";
    case Error::invalid_key:
      return "invalid_key";
    case Error::invalid_conversation:
      return "invalid_conversation";
    case Error::too_many_conversations:
      return "too_many_conversations";
  }
  return "unknown";
}

bool valid_key(const std::string& key) {
  return valid_id(key, kMaxKeyBytes);
}

Result<std::vector<Event>, Error> decide(const State& state, const Command& command) {
  using Events = Result<std::vector<Event>, Error>;
  return std::visit(
      overloaded{[&](const Merge& m) -> Events {
        if (!valid_key(m.from_key) || !valid_key(m.into_key)) return fail(Error::invalid_key);
        if (m.from_key == m.into_key) return fail(Error::same_customer);
        if (m.conversations.size() > kMaxConversations) return fail(Error::too_many_conversations);
        for (const auto& c : m.conversations)
          if (!valid_id(c, kMaxPathIdBytes)) return fail(Error::invalid_conversation);
        // Taken in before: the retry of a merge whose answer was lost.
        if (state.taken.count(m.from_key)) return std::vector<Event>{};
        // Each conversation once, in the order given: the event is what a view folds.
        std::vector<std::string> conversations;
        for (const auto& c : m.conversations)
          if (std::find(conversations.begin(), conversations.end(), c) == conversations.end())
            conversations.push_back(c);
        return std::vector<Event>{
            CustomerMerged{m.from_key, std::move(conversations), m.by, m.at_us}};
      }},
      command);
}

State evolve(State s, const Event& event) {
  std::visit(overloaded{[&](const CustomerMerged& e) { s.taken.insert(e.from_key); }}, event);
  return s;
}

}  // namespace parley::domain::customer_merge
