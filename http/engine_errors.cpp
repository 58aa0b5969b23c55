#include "http/engine_errors.hpp"

#include "domain/conversation.hpp"
#include "domain/lead.hpp"

namespace parley::http {

EngineFailure describe(const actors::EngineError& e) {
  switch (e.code) {
    case actors::EngineErrc::rejected:
      if (e.refused_with(domain::conversation::Error::not_started))
        return {404, "conversation_not_found", "this conversation has no messages yet"};
      if (e.refused_with(domain::lead::Error::not_found)) return {404, "not_found", "no such lead"};
      if (e.refused_with(domain::conversation::Error::outside_window))
        return {409, "outside_customer_service_window",
                "WhatsApp allows free text only within 24 hours of the customer's last "
                "message; send an approved template: {\"template\":{\"name\":…,"
                "\"language\":…,\"parameters\":[…]}}"};
      return {422, e.refusal.name, "refused: " + e.refusal.name};
    case actors::EngineErrc::timeout:
      return {504, "timeout", "no answer in time; retry"};
    case actors::EngineErrc::storage:
      return {503, "storage_unavailable", "the event log failed: " + e.detail};
    case actors::EngineErrc::unavailable:
    case actors::EngineErrc::ok:
      break;
  }
  return {503, "unavailable", "the service is unavailable: " + e.detail};
}

HttpResponse engine_failure(const actors::EngineError& e) {
  const EngineFailure f = describe(e);
  return json_error(f.status, f.code, f.message);
}

}  // namespace parley::http
