#include "events/lead_codec.hpp"

#include <nlohmann/json.hpp>

#include "events/json_int.hpp"

namespace parley::events::lead_codec {
using nlohmann::json;
using namespace domain::lead;

namespace {

std::string dump(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

AppointmentKind kind_of(const std::string& s) {
  return s == "demo" ? AppointmentKind::demo : AppointmentKind::meeting;
}

json appointment_json(const Appointment& a) {
  return {{"id", a.id},           {"kind", to_string(a.kind)}, {"when_local", a.when_local},
          {"when_us", a.when_us}, {"assignee", a.assignee},    {"note", a.note},
          {"state", a.state}};
}

Appointment appointment_of(const json& j) {
  return Appointment{j.at("id"),
                     kind_of(j.value("kind", "meeting")),
                     j.value("when_local", ""),
                     integer(j, "when_us", int64_t{0}),
                     j.value("assignee", ""),
                     j.value("note", ""),
                     j.value("state", "scheduled")};
}

json step_json(const FollowUp& f) {
  return {{"step_id", f.step_id}, {"sequence", f.sequence}, {"index", f.index},
          {"due_us", f.due_us},   {"text", f.text},         {"attachment_url", f.attachment_url},
          {"state", f.state},     {"sent_to", f.sent_to},   {"skip_reason", f.skip_reason}};
}

FollowUp step_of(const json& j) {
  FollowUp f;
  f.step_id = j.at("step_id");
  f.sequence = j.value("sequence", "");
  f.index = integer(j, "index", 0u);
  f.due_us = integer(j, "due_us", int64_t{0});
  f.text = j.value("text", "");
  f.attachment_url = j.value("attachment_url", "");
  f.state = j.value("state", "pending");
  f.sent_to = j.value("sent_to", "");
  f.skip_reason = j.value("skip_reason", "");
  return f;
}

NewEvent make(const char* type, int64_t at_us, const json& payload) {
  NewEvent out;
  out.type = type;
  out.timestamp_us = at_us;
  out.payload = dump(payload);
  return out;
}

}  // namespace

bool is_lead_event(std::string_view type) {
  return type.rfind("lead.", 0) == 0;
}

NewEvent encode(const Event& event) {
  return std::visit(
      [](const auto& e) -> NewEvent {
        using T = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<T, Created>)
          return make("lead.created", e.at_us,
                      {{"company", e.company},
                       {"contact_name", e.contact_name},
                       {"phone", e.phone},
                       {"email", e.email},
                       {"source", e.source},
                       {"assignee", e.assignee},
                       {"creator", e.creator}});
        else if constexpr (std::is_same_v<T, Assigned>)
          return make("lead.assigned", e.at_us, {{"from", e.from}, {"to", e.to}, {"by", e.by}});
        else if constexpr (std::is_same_v<T, Qualified>)
          return make("lead.qualified", e.at_us, {{"by", e.by}});
        else if constexpr (std::is_same_v<T, DetailsUpdated>)
          return make("lead.details_updated", e.at_us, {{"fields", e.fields}, {"by", e.by}});
        else if constexpr (std::is_same_v<T, AppointmentScheduled>)
          return make("lead.appointment_scheduled", e.at_us,
                      {{"appointment", appointment_json(e.appointment)}, {"by", e.by}});
        else if constexpr (std::is_same_v<T, AppointmentRescheduled>)
          return make("lead.appointment_rescheduled", e.at_us,
                      {{"appointment_id", e.appointment_id},
                       {"from_local", e.from_local},
                       {"when_local", e.when_local},
                       {"when_us", e.when_us},
                       {"by", e.by}});
        else if constexpr (std::is_same_v<T, AppointmentDone>)
          return make("lead.appointment_done", e.at_us,
                      {{"appointment_id", e.appointment_id},
                       {"kind", to_string(e.kind)},
                       {"note", e.note},
                       {"by", e.by}});
        else if constexpr (std::is_same_v<T, AppointmentCancelled>)
          return make("lead.appointment_cancelled", e.at_us,
                      {{"appointment_id", e.appointment_id}, {"note", e.note}, {"by", e.by}});
        else if constexpr (std::is_same_v<T, ActivityAdded>)
          return make("lead.activity_added", e.at_us, {{"note", e.note}, {"by", e.by}});
        else if constexpr (std::is_same_v<T, StatusChanged>)
          return make("lead.status_changed", e.at_us,
                      {{"from", e.from}, {"to", e.to}, {"by", e.by}});
        else if constexpr (std::is_same_v<T, FollowUpScheduled>)
          return make("lead.follow_up_scheduled", e.at_us,
                      {{"step", step_json(e.step)}, {"by", e.by}});
        else if constexpr (std::is_same_v<T, FollowUpSent>)
          return make("lead.follow_up_sent", e.at_us, {{"step_id", e.step_id}, {"to", e.to}});
        else
          return make("lead.follow_up_skipped", e.at_us,
                      {{"step_id", e.step_id}, {"reason", e.reason}});
      },
      event);
}

Expected<Event> decode(const EventEnvelope& env) {
  if (!is_lead_event(env.type)) return Status::NotFound("not a lead event: " + env.type);
  json p = json::parse(env.payload, nullptr, false);
  if (!p.is_object()) return Status::Corruption("payload of " + env.type + " is not an object");
  const auto at = env.timestamp_us;
  const auto& t = env.type;
  try {
    auto s = [&](const char* k) { return p.value(k, std::string()); };
    if (t == "lead.created")
      return Event{Created{env.entity_id, s("company"), s("contact_name"), s("phone"), s("email"),
                           s("source"), s("assignee"), s("creator"), at}};
    if (t == "lead.assigned") return Event{Assigned{s("from"), s("to"), s("by"), at}};
    if (t == "lead.qualified") return Event{Qualified{s("by"), at}};
    if (t == "lead.details_updated")
      return Event{
          DetailsUpdated{p.at("fields").get<std::map<std::string, std::string>>(), s("by"), at}};
    if (t == "lead.appointment_scheduled")
      return Event{AppointmentScheduled{appointment_of(p.at("appointment")), s("by"), at}};
    if (t == "lead.appointment_rescheduled")
      return Event{AppointmentRescheduled{s("appointment_id"), s("from_local"), s("when_local"),
                                          integer(p, "when_us", int64_t{0}), s("by"), at}};
    if (t == "lead.appointment_done")
      return Event{
          AppointmentDone{s("appointment_id"), kind_of(s("kind")), s("note"), s("by"), at}};
    if (t == "lead.appointment_cancelled")
      return Event{AppointmentCancelled{s("appointment_id"), s("note"), s("by"), at}};
    if (t == "lead.activity_added") return Event{ActivityAdded{s("note"), s("by"), at}};
    if (t == "lead.status_changed") return Event{StatusChanged{s("from"), s("to"), s("by"), at}};
    if (t == "lead.follow_up_scheduled")
      return Event{FollowUpScheduled{step_of(p.at("step")), s("by"), at}};
    if (t == "lead.follow_up_sent") return Event{FollowUpSent{s("step_id"), s("to"), at}};
    if (t == "lead.follow_up_skipped") return Event{FollowUpSkipped{s("step_id"), s("reason"), at}};
  } catch (const json::exception& ex) {
    return Status::Corruption("payload of " + t + ": " + ex.what());
  }
  return Status::Corruption("unknown lead event " + t);
}

std::string encode_state(const State& s) {
  json appointments = json::array();
  for (const auto& a : s.appointments) appointments.push_back(appointment_json(a));
  json steps = json::array();
  for (const auto& f : s.follow_ups) steps.push_back(step_json(f));
  return dump({{"id", s.id},
               {"exists", s.exists},
               {"company", s.company},
               {"contact_name", s.contact_name},
               {"phone", s.phone},
               {"email", s.email},
               {"source", s.source},
               {"assignee", s.assignee},
               {"creator", s.creator},
               {"status", s.status},
               {"qualified", s.qualified},
               {"details", s.details},
               {"appointments", appointments},
               {"follow_ups", steps},
               {"activities", s.activities},
               {"created_us", s.created_us},
               {"updated_us", s.updated_us},
               {"version", s.version}});
}

Expected<State> decode_state(const std::string& bytes, uint32_t schema) {
  if (schema != kStateSchema)
    return Status::Corruption("lead state schema " + std::to_string(schema) + " unknown");
  json j = json::parse(bytes, nullptr, false);
  if (!j.is_object()) return Status::Corruption("lead state is not an object");
  try {
    State s;
    s.id = j.at("id");
    s.exists = j.value("exists", false);
    for (auto [field, key] : {std::pair{&s.company, "company"},
                              {&s.contact_name, "contact_name"},
                              {&s.phone, "phone"},
                              {&s.email, "email"},
                              {&s.source, "source"},
                              {&s.assignee, "assignee"},
                              {&s.creator, "creator"},
                              {&s.status, "status"}})
      *field = j.value(key, std::string());
    s.qualified = j.value("qualified", false);
    s.details = j.value("details", std::map<std::string, std::string>{});
    for (const auto& a : j.at("appointments")) s.appointments.push_back(appointment_of(a));
    for (const auto& f : j.at("follow_ups")) s.follow_ups.push_back(step_of(f));
    s.activities = integer(j, "activities", 0u);
    s.created_us = integer(j, "created_us", int64_t{0});
    s.updated_us = integer(j, "updated_us", int64_t{0});
    s.version = integer(j, "version", uint64_t{0});
    return s;
  } catch (const json::exception& ex) {
    return Status::Corruption(std::string("lead state: ") + ex.what());
  }
}

}  // namespace parley::events::lead_codec
