#include "domain/sequence.hpp"

#include <algorithm>
#include <cctype>

namespace parley::domain::sequence {

const char* to_string(Error e) {
  switch (e) {
    case Error::invalid_name:
      return "invalid_name";
    case Error::too_many_steps:
      return "too_many_steps";
    case Error::invalid_day:
      return "invalid_day";
    case Error::empty_text:
      return "empty_text";
    case Error::invalid_url:
      return "invalid_url";
    case Error::invalid_send_time:
      return "invalid_send_time";
  }
  return "unknown";
}

int minutes_of_day(const std::string& t) {
  if (t.size() != 5 || t[2] != ':') return -1;
  for (int i : {0, 1, 3, 4})
    if (!std::isdigit(static_cast<unsigned char>(t[i]))) return -1;
  int h = (t[0] - '0') * 10 + (t[1] - '0');
  int m = (t[3] - '0') * 10 + (t[4] - '0');
  if (h > 23 || m > 59) return -1;
  return h * 60 + m;
}

State initial_state(const std::string& name) {
  State s;
  s.name = name;
  return s;
}

State default_demo_follow_up() {
  State s = initial_state(kDemoFollowUp);
  s.steps = {
      {1,
       "Thank you for your time at the demo yesterday! Here is a short summary of what we "
       "showed. Which part would help your team most?",
       ""},
      {3,
       "Did you get a chance to discuss the demo with your team? Happy to answer any "
       "questions or set up a trial.",
       ""},
      {7, "Just checking in: shall I send a proposal with pricing for your team?", ""},
  };
  return s;
}

Result<std::vector<Event>, Error> decide(const State& state, const Command& command) {
  const auto& c = std::get<Save>(command);
  const auto& n = state.name;
  bool name_ok =
      n.size() >= 2 && n.size() <= 40 && std::all_of(n.begin(), n.end(), [](unsigned char ch) {
        return std::islower(ch) || std::isdigit(ch) || ch == '_' || ch == '-';
      });
  if (!name_ok) return fail(Error::invalid_name);
  if (c.steps.size() > 20) return fail(Error::too_many_steps);
  if (minutes_of_day(c.send_time) < 0) return fail(Error::invalid_send_time);
  for (const auto& s : c.steps) {
    if (s.day > 365) return fail(Error::invalid_day);
    if (s.text.find_first_not_of(" \t\r\n") == std::string::npos) return fail(Error::empty_text);
    const auto& u = s.attachment_url;
    if (!u.empty() && u.rfind("https://", 0) != 0 && u.rfind("http://", 0) != 0)
      return fail(Error::invalid_url);
  }
  return std::vector<Event>{Saved{c.steps, c.send_time, c.by, c.at_us}};
}

State evolve(State s, const Event& event) {
  const auto& e = std::get<Saved>(event);
  ++s.version;
  s.exists = true;
  s.steps = e.steps;
  s.send_time = e.send_time;
  s.updated_us = e.at_us;
  s.updated_by = e.by;
  return s;
}

}  // namespace parley::domain::sequence
