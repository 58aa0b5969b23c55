// Before a shopper's turn goes to its entity: whether an advisor (a language
// model) may decide it, what the advisor is told, and whether a search that
// finds nothing is asked again in a model's words. Runs on the caller's
// thread (HTTP or channel intake), never on a CAF scheduler thread.
#pragma once

#include <string>
#include <vector>

#include "actors/chat_types.hpp"
#include "brain/catalog.hpp"
#include "brain/details_extraction.hpp"
#include "brain/nlu.hpp"
#include "brain/search_rewrite.hpp"
#include "brain/turn_advice.hpp"
#include "events/event_store.hpp"

namespace parley::actors {

// Rules first: the model never decides a scripted turn, a non-text message,
// a slash command or a request for a person (decided before the
// conversation's state is read), nor a conversation in human mode.
bool wants_advice(const ChatTurn& turn, const brain::Understanding& understood);

// The conversation after `turn`'s message, as the entity will decide it;
// false if the entity would refuse the message (it then answers the refusal).
bool receive(const ChatTurn& turn, const std::string& language, domain::conversation::State* state);

// The last `count` messages (received and sent) of the conversation, oldest
// first, read from the log's tail.
std::vector<brain::PastMessage> recent_messages(events::EventStore& store,
                                                const std::string& conversation_id, size_t count);

// A model's words for the turn's search, when the turn is a search the
// offline brain will answer (no usable advice) and its text finds nothing in
// `catalog`; nullptr otherwise. Blocks while the rewriter asks its model.
std::shared_ptr<const brain::SearchRewrite> rewrite_search(const ChatTurn& turn,
                                                           const brain::Understanding& understood,
                                                           const brain::Catalog& catalog,
                                                           const brain::SearchRewriter& rewriter,
                                                           const std::string& conversation_id);

// The extractor model's reading of the turn's checkout details, when the
// conversation (`state`, as it is before the turn) waits for details and the
// rules' own reading of the message leaves one missing; nullptr otherwise.
// Blocks while the model reads.
std::shared_ptr<const brain::DetailsExtraction> extract_details(
    const ChatTurn& turn, const brain::Understanding& understood,
    const domain::conversation::State& state, const brain::DetailsExtractor& extractor,
    const std::string& conversation_id);

}  // namespace parley::actors
