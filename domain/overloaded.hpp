// Lambdas as one visitor, for deciders and folds over a variant:
//   std::visit(overloaded{[&](const Upsert& c) { ... }, [&](const SetStock& c) { ... }}, command)
// An alternative without a lambda does not compile (no fall-through to a
// last case that throws at run time).
#pragma once

namespace parley::domain {

template <class... Fs>
struct overloaded : Fs... {
  using Fs::operator()...;
};
template <class... Fs>
overloaded(Fs...) -> overloaded<Fs...>;

// For an `if constexpr` chain over a variant's alternatives: its last
// `else static_assert(unhandled<T>, "...")` makes a missing alternative a
// compile error instead of a silent no-op.
template <class>
inline constexpr bool unhandled = false;

}  // namespace parley::domain
