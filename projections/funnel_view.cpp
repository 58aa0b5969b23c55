#include "projections/funnel_view.hpp"

#include <algorithm>
#include <map>
#include <shared_mutex>

#include "events/conversation_codec.hpp"
#include "projections/carts_view.hpp"
#include "projections/fields.hpp"

namespace parley::projections {

namespace ct = events::conversation_codec::types;

using nlohmann::json;

bool FunnelView::wants(std::string_view type) const {
  return type == ct::kMessageReceived || type == ct::kSearchPerformed || type == ct::kItemAdded ||
         type == ct::kItemRemoved || type == ct::kCartCleared || type == ct::kCheckoutStarted ||
         type == ct::kOrderPlaced;
}

void FunnelView::apply(const ProjectedEvent& e) {
  const auto& type = e.env.type;
  const auto& id = e.env.entity_id;
  const std::string open_key = "open/" + id;
  if (type == ct::kMessageReceived && e.env.seq != 1) return;  // not the first
  if (type == ct::kItemRemoved) {  // the last line removed empties the cart
    if (json* open = row(open_key)) {
      const int64_t lines = open->value("lines", int64_t{1}) - 1;
      if (lines <= 0)
        erase(open_key);
      else
        (*open)["lines"] = lines;
    }
    return;
  }
  if (type == ct::kCartCleared) {
    if (find(open_key)) erase(open_key);
    return;
  }
  if (type == ct::kItemAdded) {
    if (json* open = row(open_key)) {  // the cart was already started
      (*open)["lines"] = open->value("lines", int64_t{0}) + 1;
      return;
    }
  }
  const std::string day = calendar_.date(e.env.timestamp_us);
  const std::string channel = channel_of(id);
  json& r = touch("day/" + day + "/" + channel);
  if (r.empty()) {
    r = {{"day", day}, {"channel", channel}, {"zero_result_searches", 0}};
    for (const char* s : kStages) r[s] = 0;
  }
  auto bump = [&](const char* field) { r[field] = r[field].get<int64_t>() + 1; };
  if (type == ct::kMessageReceived) {
    bump("conversations");
  } else if (type == ct::kSearchPerformed) {
    bump("searches");
    const Fields p = e.payload();
    if (p.i64("results", 1) == 0) {
      bump("zero_result_searches");
      const std::string query = p.string("query");
      json& z =
          touch("zero/" + day + "/" + channel + "/" + (pseudonym_ ? pseudonym_(query) : query));
      if (z.empty()) z = {{"day", day}, {"channel", channel}, {"query", query}, {"count", 0}};
      z["count"] = z["count"].get<int64_t>() + 1;
    }
  } else if (type == ct::kItemAdded) {
    bump("carts");
    touch(open_key) = {{"lines", 1}};
  } else if (type == ct::kCheckoutStarted) {
    bump("checkouts");
  } else if (type == ct::kOrderPlaced) {
    bump("orders");
    if (find(open_key)) erase(open_key);
  }
}

FunnelView::Report FunnelView::report(const RowFilter& f) const {
  using nlohmann::json;
  Report out;
  out.totals = json::object();
  for (const char* s : kStages) out.totals[s] = 0;
  out.totals["zero_result_searches"] = 0;
  std::map<std::string, int64_t> zero_counts;
  {
    std::shared_lock lock(mutex());
    each("day/", [&](const std::string&, const json& r) {
      if (!f.day_ok(r.value("day", "")) || !f.channel_ok(r)) return;
      for (auto it = out.totals.begin(); it != out.totals.end(); ++it)
        *it = it->get<int64_t>() + r.value(it.key(), int64_t{0});
      out.days.push_back(r);
    });
    each("zero/", [&](const std::string&, const json& r) {
      if (f.day_ok(r.value("day", "")) && f.channel_ok(r))
        zero_counts[r.value("query", "")] += r.value("count", int64_t{0});
    });
  }
  for (const auto& [q, n] : zero_counts)
    out.zero_result_searches.push_back({{"query", q}, {"count", n}});
  std::stable_sort(out.zero_result_searches.begin(), out.zero_result_searches.end(),
                   [](const json& a, const json& b) {
                     return a["count"].get<int64_t>() > b["count"].get<int64_t>();
                   });
  return out;
}

}  // namespace parley::projections
