// Result<T, E>: the value of a decision or the domain error that refused it.
// Domain code is pure; it has no exceptions, I/O, clock or JSON.
#pragma once

#include <utility>
#include <variant>

namespace parley::domain {

template <class E>
struct Failure {
  E error;
};
template <class E>
Failure<E> fail(E e) {
  return {e};
}

template <class T, class E>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}                      // NOLINT: implicit by design
  Result(Failure<E> f) : v_(std::in_place_index<1>, f.error) {}  // NOLINT

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  E error() const { return std::get<1>(v_); }

 private:
  std::variant<T, E> v_;
};

}  // namespace parley::domain
