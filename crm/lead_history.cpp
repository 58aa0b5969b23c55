#include "crm/lead_history.hpp"

#include "brain/lead_words.hpp"
#include "events/lead_codec.hpp"

namespace parley::crm {

namespace lead = domain::lead;

namespace {

std::string actor_of(const lead::Event& event) {
  return std::visit(
      [](const auto& e) -> std::string {
        using T = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<T, lead::Created>)
          return e.creator;
        else if constexpr (std::is_same_v<T, lead::FollowUpSent> ||
                           std::is_same_v<T, lead::FollowUpSkipped>)
          return "";
        else
          return e.by;
      },
      event);
}

}  // namespace

events::Expected<std::vector<HistoryEntry>> lead_history(events::EventStore& store,
                                                         const TeamDirectory& team,
                                                         const TimeZone& zone,
                                                         const std::string& lead_id,
                                                         const std::string& language) {
  std::vector<events::EventEnvelope> envs;
  auto st = store.read_stream({lead::kEntityType, lead_id}, 1, SIZE_MAX, &envs);
  if (!st.ok()) return st;
  if (envs.empty()) return events::Status::NotFound("no lead " + lead_id);
  auto name_of = [&](const std::string& u) {
    auto m = team.user(u);
    return m ? m->profile.display_name : u;
  };
  std::vector<HistoryEntry> out;
  lead::State state = lead::initial_state(lead_id);
  for (const auto& env : envs) {
    auto e = events::lead_codec::decode(env);
    if (!e) return e.status();
    HistoryEntry h;
    h.seq = env.seq;
    h.at_us = env.timestamp_us;
    h.at_local = zone.local(env.timestamp_us).date_time();
    h.type = env.type;
    h.by = actor_of(*e);
    h.by_name = h.by.empty() ? "Parley" : name_of(h.by);
    h.text = brain::describe(language, *e, state, name_of);
    state = lead::evolve(std::move(state), *e);
    out.push_back(std::move(h));
  }
  return out;
}

std::string history_line(const std::string& language, const HistoryEntry& h) {
  return brain::human_local_time(language, h.at_local) + " · " + h.by_name + " · " + h.text;
}

}  // namespace parley::crm
