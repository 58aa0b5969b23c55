// Status and Expected<T>: results of the event store, in the style of
// leveldb::Status. NotFound is an answer of its own, not a failure.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <variant>

namespace parley::events {

enum class StoreErrc : uint8_t {
  ok = 0,
  not_found,         // the key, stream or snapshot does not exist
  conflict,          // expected_seq did not match the stream's head
  duplicate,         // the dedupe key was claimed before; nothing was written
  invalid_argument,  // the request can never succeed as written
  io_error,          // the storage engine failed; nothing of the batch was written
  corruption,        // stored bytes could not be decoded
  closed,            // the store or writer has been shut down
};

const char* to_string(StoreErrc code);

class Status {
 public:
  Status() = default;
  Status(StoreErrc code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return {}; }
  static Status NotFound(std::string m = {}) { return {StoreErrc::not_found, std::move(m)}; }
  static Status Conflict(std::string m) { return {StoreErrc::conflict, std::move(m)}; }
  static Status Duplicate(std::string m = {}) { return {StoreErrc::duplicate, std::move(m)}; }
  static Status InvalidArgument(std::string m) {
    return {StoreErrc::invalid_argument, std::move(m)};
  }
  static Status IoError(std::string m) { return {StoreErrc::io_error, std::move(m)}; }
  static Status Corruption(std::string m) { return {StoreErrc::corruption, std::move(m)}; }
  static Status Closed(std::string m = "store is closed") {
    return {StoreErrc::closed, std::move(m)};
  }

  bool ok() const { return code_ == StoreErrc::ok; }
  bool is_not_found() const { return code_ == StoreErrc::not_found; }
  StoreErrc code() const { return code_; }
  const std::string& message() const { return message_; }
  // "conflict: stream conversation/api:u1 is at seq 4, expected 3"
  std::string to_string() const;

 private:
  StoreErrc code_ = StoreErrc::ok;
  std::string message_;
};

// A value or the Status that explains its absence. Access to value() on an
// error is a programming error and is checked.
template <class T>
class Expected {
 public:
  Expected(T value) : v_(std::move(value)) {}         // NOLINT: implicit by design
  Expected(Status status) : v_(std::move(status)) {}  // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(v_); }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  // The error; Status::Ok() when a value is present.
  Status status() const { return ok() ? Status::Ok() : std::get<Status>(v_); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace parley::events
