#include "events/status.hpp"

namespace parley::events {

const char* to_string(StoreErrc code) {
  switch (code) {
    case StoreErrc::ok:
      return "ok";
    case StoreErrc::not_found:
      return "not_found";
    case StoreErrc::conflict:
      return "conflict";
    case StoreErrc::duplicate:
      return "duplicate";
    case StoreErrc::invalid_argument:
      return "invalid_argument";
    case StoreErrc::io_error:
      return "io_error";
    case StoreErrc::corruption:
      return "corruption";
    case StoreErrc::closed:
      return "closed";
  }
  return "unknown";
}

std::string Status::to_string() const {
  if (message_.empty()) return events::to_string(code_);
  return std::string(events::to_string(code_)) + ": " + message_;
}

}  // namespace parley::events
