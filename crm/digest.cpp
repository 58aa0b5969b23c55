#include "crm/digest.hpp"

#include "brain/lead_words.hpp"
#include "crm/desk_texts.hpp"
#include "domain/delivery.hpp"
#include "domain/sequence.hpp"
#include "events/delivery_codec.hpp"

namespace parley::crm {

Digest::Digest(LeadBook& book, TeamDirectory& team, events::GroupCommitWriter& writer,
               TimeZone zone,
               std::function<std::optional<actors::Contact>(const std::string&)> contact_of,
               std::string send_time)
    : book_(book),
      team_(team),
      writer_(writer),
      zone_(std::move(zone)),
      contact_of_(std::move(contact_of)),
      minutes_(domain::sequence::minutes_of_day(send_time)) {
  if (minutes_ < 0) minutes_ = 8 * 60 + 30;
}

int64_t Digest::next_after(int64_t now_us) const {
  auto day = zone_.local(now_us);
  for (int i = 0; i < 3; ++i) {
    auto at = zone_.to_utc(day.year, day.month, day.day, minutes_ / 60, minutes_ % 60);
    if (at && *at > now_us) return *at;
    auto noon = zone_.to_utc(day.year, day.month, day.day, 12, 0).value_or(now_us);
    day = zone_.local(noon + int64_t(86400) * 1000000);
  }
  return now_us + int64_t(86400) * 1000000;
}

std::string Digest::text_for(const std::string& username, int64_t from, int64_t to) const {
  auto tasks = book_.tasks(username, from, to);
  if (tasks.empty()) return "";
  const auto member = team_.user(username);
  const std::string language = member ? member->profile.language : "en";
  std::string s = desk_text(language, DeskText::digest_header, {zone_.local(from).date()});
  for (const auto& t : tasks) {
    s += "\n• " + zone_.local(t.when_us).date_time().substr(11) + " " +
         brain::field_label(language, t.kind) + " — " + t.company;
  }
  return s;
}

bool Digest::send(int64_t now_us, size_t* queued) {
  if (queued) *queued = 0;
  if (!contact_of_) return true;
  const auto day = zone_.local(now_us);
  const auto from = zone_.to_utc(day.year, day.month, day.day, 0, 0).value_or(now_us);
  const auto next = zone_.local(from + int64_t(36) * 3600 * 1000000);
  const auto to = zone_.to_utc(next.year, next.month, next.day, 0, 0).value_or(from);
  bool ok = true;
  for (const auto& u : team_.users()) {
    if (u.disabled || u.profile.role == domain::user::Role::analyst) continue;
    auto contact = contact_of_(u.username);
    if (!contact) continue;
    auto text = text_for(u.username, from, to);
    if (text.empty()) continue;
    domain::delivery::NotificationQueued n{"digest/" + u.username + "/" + day.date(),
                                           contact->channel,
                                           contact->recipient,
                                           text,
                                           "digest",
                                           now_us};
    events::AppendRequest req{{domain::delivery::kNotificationType, n.id},
                              0,
                              {events::delivery_codec::encode_notification(n, "digest")},
                              {}};
    auto r = writer_.submit(std::move(req)).get();
    if (r.status.ok()) {
      if (queued) ++*queued;
    } else if (r.status.code() != events::StoreErrc::conflict) {
      ok = false;  // queued before is fine; anything else is tried again
    }
  }
  return ok;
}

}  // namespace parley::crm
