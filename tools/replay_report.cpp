#include "tools/replay_report.hpp"

#include <cstdio>

namespace parley::tools::replay {

namespace conv = domain::conversation;
using nlohmann::json;

std::string cart_summary(const std::vector<domain::CartLine>& cart) {
  std::string out;
  for (const auto& l : cart) {
    if (!out.empty()) out += ", ";
    out += l.sku + " x" + std::to_string(l.quantity);
    if (!l.color.empty() || !l.size.empty())
      out += " (" + l.color + (l.color.empty() || l.size.empty() ? "" : "/") + l.size + ")";
  }
  return out;
}

std::string order_summary(int64_t total_cents, const std::string& currency,
                          const std::vector<domain::CartLine>& lines) {
  char total[48];
  std::snprintf(total, sizeof total, "%s %lld.%02lld", currency.c_str(),
                static_cast<long long>(total_cents / 100),
                static_cast<long long>(total_cents % 100));
  return std::string(total) + ": " + cart_summary(lines);
}

std::vector<TurnOutcome> recorded_turns(const std::vector<conv::Event>& events,
                                        const std::string& conversation_id) {
  std::vector<TurnOutcome> turns;
  conv::State s = conv::initial_state(conversation_id);
  for (const auto& e : events) {
    if (const auto* in = std::get_if<conv::MessageReceived>(&e)) {
      turns.push_back({in->text.empty() ? "[" + in->kind + "]" : in->text, {}, "", ""});
    } else if (const auto* out = std::get_if<conv::MessageSent>(&e)) {
      // Replies to a turn; a person's message or a nudge between turns is not the brain's.
      if (!turns.empty() && !out->in_reply_to.empty() && out->author.empty())
        turns.back().replies.push_back(out->text);
    } else if (const auto* placed = std::get_if<conv::OrderPlaced>(&e)) {
      if (!turns.empty())
        turns.back().order = order_summary(placed->total_cents, placed->currency, s.cart);
    }
    s = conv::evolve(std::move(s), e);
    if (!turns.empty()) turns.back().cart = cart_summary(s.cart);
  }
  return turns;
}

namespace {

json replies_json(const std::vector<std::string>& replies) {
  return json(replies);
}

}  // namespace

json compare(const std::vector<ConversationTurns>& conversations) {
  json rows = json::array();
  size_t turns = 0, differing_turns = 0, conversations_differing = 0;
  for (const auto& c : conversations) {
    json diffs = json::array();
    for (size_t i = 0; i < c.recorded.size(); ++i) {
      ++turns;
      const auto& r = c.recorded[i];
      const TurnOutcome none{r.inbound, {}, "", ""};
      const auto& k = i < c.candidate.size() ? c.candidate[i] : none;
      json d = {{"turn", i + 1}, {"inbound", r.inbound}};
      if (r.replies != k.replies)
        d["replies"] = {{"recorded", replies_json(r.replies)},
                        {"candidate", replies_json(k.replies)}};
      if (r.cart != k.cart) d["cart"] = {{"recorded", r.cart}, {"candidate", k.cart}};
      if (r.order != k.order) d["order"] = {{"recorded", r.order}, {"candidate", k.order}};
      if (d.size() > 2) diffs.push_back(std::move(d));
    }
    differing_turns += diffs.size();
    if (!diffs.empty()) ++conversations_differing;
    rows.push_back({{"conversation_id", c.conversation_id},
                    {"turns", c.recorded.size()},
                    {"differing", diffs.size()},
                    {"diffs", std::move(diffs)}});
  }
  return {{"conversations", std::move(rows)},
          {"turns", turns},
          {"differing_turns", differing_turns},
          {"conversations_differing", conversations_differing}};
}

namespace {

std::string lines_of(const json& replies) {
  std::string out;
  for (const auto& r : replies) out += "      | " + r.get<std::string>() + "\n";
  return out.empty() ? "      | (nothing)\n" : out;
}

}  // namespace

std::string to_text(const json& report) {
  std::string out;
  for (const auto& c : report["conversations"]) {
    if (c["differing"] == 0) continue;
    out += c["conversation_id"].get<std::string>() + ": " +
           std::to_string(c["differing"].get<size_t>()) + " of " +
           std::to_string(c["turns"].get<size_t>()) + " turns differ\n";
    for (const auto& d : c["diffs"]) {
      out += "  turn " + std::to_string(d["turn"].get<size_t>()) + " \"" +
             d["inbound"].get<std::string>() + "\"\n";
      if (d.contains("replies"))
        out += "    replies, recorded:\n" + lines_of(d["replies"]["recorded"]) +
               "    replies, candidate:\n" + lines_of(d["replies"]["candidate"]);
      for (const char* what : {"cart", "order"})
        if (d.contains(what))
          out += std::string("    ") + what + ": " + d[what]["recorded"].get<std::string>() +
                 " -> " + d[what]["candidate"].get<std::string>() + "\n";
    }
  }
  out += std::to_string(report["differing_turns"].get<size_t>()) + " of " +
         std::to_string(report["turns"].get<size_t>()) + " turns differ, in " +
         std::to_string(report["conversations_differing"].get<size_t>()) + " of " +
         std::to_string(report["conversations"].size()) + " conversations\n";
  return out;
}

}  // namespace parley::tools::replay
