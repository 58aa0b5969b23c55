// What every analyst list is narrowed by: local dates (inclusive), a
// channel, an assignee. The views' query methods take it; http/ only reads
// it from the query string and renders what comes back.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace parley::projections {

struct RowFilter {
  std::string from, to;  // local dates YYYY-MM-DD, inclusive; "" = open
  std::string channel, assignee;

  bool day_ok(const std::string& day) const {
    return (from.empty() || day >= from) && (to.empty() || day <= to);
  }
  bool channel_ok(const nlohmann::json& row) const {
    return channel.empty() || row.value("channel", "") == channel;
  }
  bool assignee_ok(const nlohmann::json& row) const {
    return assignee.empty() || row.value("assignee", "") == assignee;
  }
};

}  // namespace parley::projections
