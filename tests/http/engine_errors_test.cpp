// The one mapping from engine errors to HTTP (http/engine_errors.*), as every
// route and webhook answers them.
#include "http/engine_errors.hpp"

#include <gtest/gtest.h>

#include "domain/conversation.hpp"
#include "domain/lead.hpp"

namespace parley::http {
namespace {

using actors::EngineErrc;

EngineFailure of(EngineErrc code, const std::string& detail = "") {
  return describe(actors::EngineError{code, detail});
}

TEST(EngineErrors, GivenARefusalWhenAnsweredThenItIs422WithTheDomainsReason) {
  const auto f = of(EngineErrc::rejected, "invalid_status");
  EXPECT_EQ(f.status, 422);
  EXPECT_EQ(f.code, "invalid_status");
}

TEST(EngineErrors, GivenSomethingNotThereWhenAnsweredThenItIs404) {
  EXPECT_EQ(of(EngineErrc::rejected, "not_started").status, 404);
  EXPECT_EQ(of(EngineErrc::rejected, "not_started").code, "conversation_not_found");
  EXPECT_EQ(of(EngineErrc::rejected, "lead_not_found").status, 404);
  EXPECT_EQ(of(EngineErrc::rejected, "lead_not_found").code, "not_found");
}

TEST(EngineErrors, GivenAClosedWhatsAppWindowWhenAnsweredThenItIs409) {
  EXPECT_EQ(of(EngineErrc::rejected, "outside_window").status, 409);
  EXPECT_EQ(of(EngineErrc::rejected, "outside_window").code, "outside_customer_service_window");
}

TEST(EngineErrors, GivenNoAnswerOrNoLogOrNoEngineWhenAnsweredThenTheCallerMayRetry) {
  EXPECT_EQ(of(EngineErrc::timeout).status, 504);
  EXPECT_EQ(of(EngineErrc::storage, "io").status, 503);
  EXPECT_EQ(of(EngineErrc::storage, "io").code, "storage_unavailable");
  EXPECT_EQ(of(EngineErrc::unavailable, "stopping").status, 503);
  EXPECT_EQ(of(EngineErrc::unavailable, "stopping").code, "unavailable");
}

TEST(EngineErrors, GivenARefusalWhenComparedThenItIsByTheDomainsEnumNotItsWords) {
  namespace conv = domain::conversation;
  const actors::EngineError refused{EngineErrc::rejected,
                                    conv::to_string(conv::Error::not_started)};
  EXPECT_TRUE(refused.refused_with(conv::Error::not_started));
  EXPECT_FALSE(refused.refused_with(conv::Error::outside_window));
  EXPECT_FALSE(refused.refused_with(domain::lead::Error::not_found));
  const actors::EngineError storage{EngineErrc::storage, conv::to_string(conv::Error::not_started)};
  EXPECT_FALSE(storage.refused_with(conv::Error::not_started));
}

}  // namespace
}  // namespace parley::http
