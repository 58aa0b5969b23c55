#include "actors/lead_entity.hpp"

#include "actors/caf_messages.hpp"
#include "actors/entity_shell.hpp"
#include "brain/lead_words.hpp"
#include "events/delivery_codec.hpp"
#include "events/lead_codec.hpp"

namespace parley::actors {

namespace lead = domain::lead;
namespace codec = events::lead_codec;

namespace {

std::string who_acted(const lead::Command& c) {
  return std::visit(
      [](const auto& cmd) -> std::string {
        if constexpr (std::is_same_v<std::decay_t<decltype(cmd)>, lead::FireFollowUp>)
          return "";
        else if constexpr (std::is_same_v<std::decay_t<decltype(cmd)>, lead::Create>)
          return cmd.creator;
        else
          return cmd.by;
      },
      c);
}

int64_t time_of(const lead::Command& c) {
  return std::visit([](const auto& cmd) { return cmd.at_us; }, c);
}

struct LeadKind : codec::Stream {
  using Request = LeadRequest;
  using Reply = LeadReply;
  using Deps = LeadDeps;
  using Decision = EntityDecision<Event, Reply>;
  using Decided = domain::Result<Decision, caf::error>;

  static Decided decide(const State& state, const Request& request, const Deps& deps) {
    auto decided = lead::decide(state, request.command);
    if (!decided) return domain::fail(make_refusal(decided.error()));
    Decision d;
    d.at_us = time_of(request.command);
    d.events = std::move(decided).value();
    State after = state;
    for (const auto& e : d.events) after = lead::evolve(std::move(after), e);
    for (auto& n : lead_notifications(after, d.events, who_acted(request.command), deps)) {
      n.at_us = time_of(request.command);
      d.linked.push_back({{domain::delivery::kNotificationType, n.id},
                          0,
                          {events::delivery_codec::encode_notification(n, "lead/" + state.id)}});
    }
    d.reply.state = std::move(after);
    d.reply.events = d.events;
    d.reply.notifications = d.linked.size();
    return d;
  }

  static Reply duplicate_reply(const Request&, const std::string&) { return {}; }
};

}  // namespace

std::vector<domain::delivery::NotificationQueued> lead_notifications(
    const lead::State& after, const std::vector<lead::Event>& events, const std::string& by,
    const LeadDeps& deps) {
  std::vector<domain::delivery::NotificationQueued> out;
  auto name_of = [&](const std::string& u) {
    auto n = deps.name_of ? deps.name_of(u) : std::string();
    return n.empty() ? u : n;
  };
  // Each text is written in its reader's language.
  using Words = std::function<std::string(const std::string& language)>;
  auto notify = [&](const std::string& username, const std::string& reason, const Words& words) {
    if (username.empty() || !deps.contact_of) return;
    for (const auto& n : out)
      if (n.id.substr(n.id.rfind('/') + 1) == username) return;  // one per person per command
    auto contact = deps.contact_of(username);
    if (!contact) return;
    out.push_back({after.id + "/" + std::to_string(after.version) + "/" + username,
                   contact->channel, contact->recipient, words(contact->language), reason, 0});
  };
  const Words assigned_to_you = [&](const std::string& language) {
    return brain::assigned_to_you(language, after, name_of(by));
  };
  for (const auto& event : events) {
    if (const auto* e = std::get_if<lead::Created>(&event)) {
      if (e->assignee != by) notify(e->assignee, "lead_assigned", assigned_to_you);
    } else if (const auto* assigned = std::get_if<lead::Assigned>(&event)) {
      if (assigned->to != by) notify(assigned->to, "lead_assigned", assigned_to_you);
      if (assigned->from != by)
        notify(assigned->from, "lead_reassigned", [&](const std::string& language) {
          return brain::taken_from_you(language, after, name_of(assigned->to), name_of(by));
        });
    } else if (const auto* set = std::get_if<lead::AppointmentScheduled>(&event)) {
      // Scheduled for someone else: they hear of it now, not only when it moves.
      if (set->appointment.assignee != by)
        notify(set->appointment.assignee, "appointment_scheduled", [&](const std::string& lang) {
          return brain::appointment_scheduled(lang, after, set->appointment, name_of(by));
        });
    } else if (const auto* moved = std::get_if<lead::AppointmentRescheduled>(&event)) {
      const Words text = [&](const std::string& language) {
        return brain::appointment_moved(language, after, *moved, name_of(by));
      };
      for (const auto& a : after.appointments)
        if (a.id == moved->appointment_id && a.assignee != by)
          notify(a.assignee, "appointment_moved", text);
      if (after.assignee != by) notify(after.assignee, "appointment_moved", text);
    } else if (const auto* sent = std::get_if<lead::FollowUpSent>(&event)) {
      for (const auto& f : after.follow_ups) {
        if (f.step_id != sent->step_id) continue;
        size_t steps = 0;
        const auto prefix = f.step_id.substr(0, f.step_id.rfind('#') + 1);
        for (const auto& g : after.follow_ups)
          if (g.step_id.rfind(prefix, 0) == 0) ++steps;
        notify(sent->to, "follow_up", [&](const std::string& language) {
          return brain::follow_up_due(language, after, f, steps);
        });
      }
    }
  }
  return out;
}

caf::actor spawn_lead(caf::local_actor* parent, const std::string& id, const caf::actor& registry,
                      std::shared_ptr<Runtime> rt, std::shared_ptr<const LeadDeps> deps) {
  return parent->spawn(&EntityShell<LeadKind>::make, id, registry, std::move(rt), std::move(deps));
}

}  // namespace parley::actors
