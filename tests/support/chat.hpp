// A shopper's message through POST /api/v1/chat, for the end-to-end tests:
// the replies' texts, one a line ("" when the server did not answer 200,
// which fails the test).
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <string>

namespace parley::testing {

inline std::string chat_replies(httplib::Client& c, const std::string& user,
                                const std::string& text) {
  auto r = c.Post("/api/v1/chat", nlohmann::json{{"user_id", user}, {"text", text}}.dump(),
                  "application/json");
  EXPECT_TRUE(r && r->status == 200) << (r ? r->body : "no answer");
  std::string replies;
  if (!r || r->status != 200) return replies;
  const nlohmann::json body = nlohmann::json::parse(r->body);  // named: the loop reads it
  for (const auto& m : body["replies"]) replies += m.value("text", "") + "\n";
  return replies;
}

}  // namespace parley::testing
