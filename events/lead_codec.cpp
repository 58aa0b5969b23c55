#include "events/lead_codec.hpp"

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <type_traits>

#include "events/json_int.hpp"
#include "events/schema_table.hpp"

namespace parley::events::lead_codec {
using nlohmann::json;
using namespace domain::lead;

namespace {

std::string dump(const json& j) {
  return json_text(j);
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

// One schema per event: its stored type and its payload both ways. Every
// lead event carries its time (at_us), stored as the envelope's. An event
// without a schema does not compile; a stored type without one is NotFound.
template <class E>
struct Schema;

using S = std::function<std::string(const char*)>;  // a string member, "" when absent
S reader(const json& p) {
  return [&p](const char* k) { return p.value(k, std::string()); };
}

template <>
struct Schema<Created> {
  static constexpr const char* kType = types::kCreated;
  static json to(const Created& e) {
    return {{"company", e.company}, {"contact_name", e.contact_name},
            {"phone", e.phone},     {"email", e.email},
            {"source", e.source},   {"assignee", e.assignee},
            {"creator", e.creator}};
  }
  static Created from(const json& p, const EventEnvelope& env) {
    const S s = reader(p);
    return {env.entity_id, s("company"),  s("contact_name"), s("phone"),      s("email"),
            s("source"),   s("assignee"), s("creator"),      env.timestamp_us};
  }
};
template <>
struct Schema<Assigned> {
  static constexpr const char* kType = types::kAssigned;
  static json to(const Assigned& e) { return {{"from", e.from}, {"to", e.to}, {"by", e.by}}; }
  static Assigned from(const json& p, const EventEnvelope& env) {
    const S s = reader(p);
    return {s("from"), s("to"), s("by"), env.timestamp_us};
  }
};
template <>
struct Schema<Qualified> {
  static constexpr const char* kType = types::kQualified;
  static json to(const Qualified& e) { return {{"by", e.by}}; }
  static Qualified from(const json& p, const EventEnvelope& env) {
    const S s = reader(p);
    return {s("by"), env.timestamp_us};
  }
};
template <>
struct Schema<DetailsUpdated> {
  static constexpr const char* kType = types::kDetailsUpdated;
  static json to(const DetailsUpdated& e) { return {{"fields", e.fields}, {"by", e.by}}; }
  static DetailsUpdated from(const json& p, const EventEnvelope& env) {
    const S s = reader(p);
    return {p.at("fields").get<std::map<std::string, std::string>>(), s("by"), env.timestamp_us};
  }
};
template <>
struct Schema<AppointmentScheduled> {
  static constexpr const char* kType = types::kAppointmentScheduled;
  static json to(const AppointmentScheduled& e) {
    return {{"appointment", appointment_json(e.appointment)}, {"by", e.by}};
  }
  static AppointmentScheduled from(const json& p, const EventEnvelope& env) {
    const S s = reader(p);
    return {appointment_of(p.at("appointment")), s("by"), env.timestamp_us};
  }
};
template <>
struct Schema<AppointmentRescheduled> {
  static constexpr const char* kType = types::kAppointmentRescheduled;
  static json to(const AppointmentRescheduled& e) {
    return {{"appointment_id", e.appointment_id},
            {"from_local", e.from_local},
            {"when_local", e.when_local},
            {"when_us", e.when_us},
            {"by", e.by}};
  }
  static AppointmentRescheduled from(const json& p, const EventEnvelope& env) {
    const S s = reader(p);
    return {s("appointment_id"),
            s("from_local"),
            s("when_local"),
            integer(p, "when_us", int64_t{0}),
            s("by"),
            env.timestamp_us};
  }
};
template <>
struct Schema<AppointmentDone> {
  static constexpr const char* kType = types::kAppointmentDone;
  static json to(const AppointmentDone& e) {
    return {{"appointment_id", e.appointment_id},
            {"kind", to_string(e.kind)},
            {"note", e.note},
            {"by", e.by}};
  }
  static AppointmentDone from(const json& p, const EventEnvelope& env) {
    const S s = reader(p);
    return {s("appointment_id"), kind_of(s("kind")), s("note"), s("by"), env.timestamp_us};
  }
};
template <>
struct Schema<AppointmentCancelled> {
  static constexpr const char* kType = types::kAppointmentCancelled;
  static json to(const AppointmentCancelled& e) {
    return {{"appointment_id", e.appointment_id}, {"note", e.note}, {"by", e.by}};
  }
  static AppointmentCancelled from(const json& p, const EventEnvelope& env) {
    const S s = reader(p);
    return {s("appointment_id"), s("note"), s("by"), env.timestamp_us};
  }
};
template <>
struct Schema<ActivityAdded> {
  static constexpr const char* kType = types::kActivityAdded;
  static json to(const ActivityAdded& e) { return {{"note", e.note}, {"by", e.by}}; }
  static ActivityAdded from(const json& p, const EventEnvelope& env) {
    const S s = reader(p);
    return {s("note"), s("by"), env.timestamp_us};
  }
};
template <>
struct Schema<StatusChanged> {
  static constexpr const char* kType = types::kStatusChanged;
  static json to(const StatusChanged& e) { return {{"from", e.from}, {"to", e.to}, {"by", e.by}}; }
  static StatusChanged from(const json& p, const EventEnvelope& env) {
    const S s = reader(p);
    return {s("from"), s("to"), s("by"), env.timestamp_us};
  }
};
template <>
struct Schema<FollowUpScheduled> {
  static constexpr const char* kType = types::kFollowUpScheduled;
  static json to(const FollowUpScheduled& e) { return {{"step", step_json(e.step)}, {"by", e.by}}; }
  static FollowUpScheduled from(const json& p, const EventEnvelope& env) {
    const S s = reader(p);
    return {step_of(p.at("step")), s("by"), env.timestamp_us};
  }
};
template <>
struct Schema<FollowUpSent> {
  static constexpr const char* kType = types::kFollowUpSent;
  static json to(const FollowUpSent& e) { return {{"step_id", e.step_id}, {"to", e.to}}; }
  static FollowUpSent from(const json& p, const EventEnvelope& env) {
    const S s = reader(p);
    return {s("step_id"), s("to"), env.timestamp_us};
  }
};
template <>
struct Schema<FollowUpSkipped> {
  static constexpr const char* kType = types::kFollowUpSkipped;
  static json to(const FollowUpSkipped& e) {
    return {{"step_id", e.step_id}, {"reason", e.reason}};
  }
  static FollowUpSkipped from(const json& p, const EventEnvelope& env) {
    const S s = reader(p);
    return {s("step_id"), s("reason"), env.timestamp_us};
  }
};

using Table = SchemaTable<Event, Schema>;

}  // namespace

bool is_lead_event(std::string_view type) {
  return Table::knows(type);
}

NewEvent encode(const Event& event) {
  NewEvent out = Table::encode(event);
  out.timestamp_us = std::visit([](const auto& e) { return e.at_us; }, event);
  return out;
}

Expected<Event> decode(const EventEnvelope& env) {
  return Table::decode(env, "a lead");
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
