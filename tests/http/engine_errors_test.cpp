// The one mapping from engine errors to HTTP (http/engine_errors.*), as every
// route and webhook answers them.
#include "http/engine_errors.hpp"

#include <gtest/gtest.h>

#include "domain/conversation.hpp"
#include "domain/lead.hpp"
#include "domain/order.hpp"
#include "domain/product.hpp"

namespace parley::http {
namespace {

using actors::EngineErrc;
namespace conv = domain::conversation;

EngineFailure of(EngineErrc code, const std::string& detail = "") {
  return describe(actors::EngineError{code, detail});
}
template <class DomainError>
EngineFailure refused(DomainError e) {
  return describe(actors::EngineError::refused(domain::Refusal::of(e)));
}

TEST(EngineErrors, GivenARefusalWhenAnsweredThenItIs422WithTheDomainsReason) {
  const auto f = refused(conv::Error::invalid_status);
  EXPECT_EQ(f.status, 422);
  EXPECT_EQ(f.code, "invalid_status");
}

TEST(EngineErrors, GivenSomethingNotThereWhenAnsweredThenItIs404) {
  EXPECT_EQ(refused(conv::Error::not_started).status, 404);
  EXPECT_EQ(refused(conv::Error::not_started).code, "conversation_not_found");
  EXPECT_EQ(refused(domain::lead::Error::not_found).status, 404);
  EXPECT_EQ(refused(domain::lead::Error::not_found).code, "not_found");
}

TEST(EngineErrors, GivenAClosedWhatsAppWindowWhenAnsweredThenItIs409) {
  EXPECT_EQ(refused(conv::Error::outside_window).status, 409);
  EXPECT_EQ(refused(conv::Error::outside_window).code, "outside_customer_service_window");
}

TEST(EngineErrors, GivenNoAnswerOrNoLogOrNoEngineWhenAnsweredThenTheCallerMayRetry) {
  EXPECT_EQ(of(EngineErrc::timeout).status, 504);
  EXPECT_EQ(of(EngineErrc::storage, "io").status, 503);
  EXPECT_EQ(of(EngineErrc::storage, "io").code, "storage_unavailable");
  EXPECT_EQ(of(EngineErrc::unavailable, "stopping").status, 503);
  EXPECT_EQ(of(EngineErrc::unavailable, "stopping").code, "unavailable");
}

TEST(EngineErrors, GivenARefusalWhenComparedThenItIsByTheDomainsEnumNotItsWords) {
  const auto refused = actors::EngineError::refused(domain::Refusal::of(conv::Error::not_started));
  EXPECT_TRUE(refused.refused_with(conv::Error::not_started));
  EXPECT_FALSE(refused.refused_with(conv::Error::outside_window));
  EXPECT_FALSE(refused.refused_with(domain::lead::Error::not_found));
  const actors::EngineError storage{EngineErrc::storage, conv::to_string(conv::Error::not_started)};
  EXPECT_FALSE(storage.refused_with(conv::Error::not_started));
}

// Two entities' errors may share a name ("not_found" is the order's, the
// product's and the user's): compared as words, one passed for the other.
TEST(EngineErrors, GivenTwoEntitiesErrorsOfOneNameWhenComparedThenEachIsOnlyItself) {
  const auto product_gone =
      actors::EngineError::refused(domain::Refusal::of(domain::product::Error::not_found));
  EXPECT_EQ(product_gone.detail, "not_found");
  EXPECT_TRUE(product_gone.refused_with(domain::product::Error::not_found));
  EXPECT_FALSE(product_gone.refused_with(domain::order::Error::not_found));
}

}  // namespace
}  // namespace parley::http
