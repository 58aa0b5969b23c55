// Local (never serialised) message types of the actor layer.
#pragma once

#include <caf/allowed_unsafe_message_type.hpp>

#include "actors/chat_types.hpp"
#include "actors/lead_types.hpp"

CAF_ALLOW_UNSAFE_MESSAGE_TYPE(parley::actors::ChatTurn)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(parley::actors::ConversationRequest)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(parley::actors::ChatTurnResult)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(parley::actors::LeadRequest)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(parley::actors::LeadReply)
