// CallerPool (actors/caller_pool.hpp): a caller given back is lent again, so
// a request costs no actor; one that timed out is not given back, and its
// late reply goes with it.
#include "actors/caller_pool.hpp"

#include <gtest/gtest.h>

namespace parley::actors {
namespace {

caf::behavior plus_one(caf::event_based_actor*) {
  return {[](int x) { return x + 1; }};
}

TEST(CallerPool, ACallerGivenBackIsLentAgainWithNothingLeftInItsMailbox) {
  caf::actor_system_config cfg;
  caf::actor_system sys{cfg};
  auto adder = sys.spawn(plus_one);
  {
    CallerPool pool(sys);
    auto first = pool.borrow();
    const auto* lent = first.get();
    int got = 0;
    (*first)
        ->request(adder, caf::infinite, 41)
        .receive([&](int r) { got = r; }, [](caf::error&) {});
    EXPECT_EQ(got, 42);
    EXPECT_TRUE((*first)->mailbox().empty());
    pool.give(std::move(first));
    auto again = pool.borrow();
    EXPECT_EQ(again.get(), lent);
    auto other = pool.borrow();  // none free: a new one
    EXPECT_NE(other.get(), lent);
    pool.give(std::move(again));
    pool.clear();
    pool.give(std::move(other));  // after clear: destroyed at once, not kept
  }
  caf::anon_send_exit(adder, caf::exit_reason::user_shutdown);
}

}  // namespace
}  // namespace parley::actors
