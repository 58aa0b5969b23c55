#include "brain/lead_words.hpp"

#include <array>
#include <cstdio>
#include <map>
#include <vector>

#include "brain/replies.hpp"

namespace parley::brain {

namespace lead = domain::lead;

namespace {

using Row = std::array<const char*, 5>;  // en, es, ru, id, hi

// The sentences; {0}, {1} … as noted. Punctuation that only joins the parts
// (", " before a phone, ": " before a note) is added by the code.
enum class LeadText {
  nobody,  // in place of a member's name when there is none
  // History lines.
  created,           // {0} the company
  created_contact,   // {0} the contact person; after the company
  created_source,    // {0} where the lead came from
  created_assigned,  // {0} who has the lead; the last part
  reassigned,        // {0} the former owner, {1} the new one
  qualified,
  details_updated,  // {0} the details, each a detail_item, joined by "; "
  detail_item,      // {0} the field's label, {1} its value
  demo_scheduled,   // {0} the local time, {1} who goes
  meeting_scheduled,
  demo_moved,  // {0} the former local time, {1} the new one
  meeting_moved,
  appointment_moved,  // of a kind unknown
  demo_done,
  meeting_done,
  demo_cancelled,  // {0} its local time (or its id)
  meeting_cancelled,
  appointment_cancelled,
  note,                 // {0} the note
  status_changed,       // {0} the former status's label, {1} the new one's
  follow_up_scheduled,  // {0} its number, {1} the sequence, {2} its text
  follow_up_sent,       // {0} " <number>" or "", {1} who forwards it
  follow_up_skipped,    // {0} " <number>" or "", {1} why (a label)
  // Notifications.
  assigned_to_you,    // {0} the company, {1} ", contact, phone" or less, {2} who assigned it
  taken_from_you,     // {0} the company, {1} the new owner, {2} who changed it
  demo_moved_notice,  // {0} the company, {1} the former local time, {2} the new one, {3} who
  meeting_moved_notice,
  appointment_moved_notice,
  demo_scheduled_notice,  // {0} the company, {1} its local time, {2} who scheduled it
  meeting_scheduled_notice,
  follow_up_due,     // {0} its number, {1} the company, {2} " (contact, phone)" or "", {3} text
  follow_up_due_of,  // {0} its number, {1} the steps, {2} the company, {3} as {2} above, {4} text
};

const std::map<LeadText, Row>& sentences() {
  static const std::map<LeadText, Row> t = {
      {LeadText::nobody, {"nobody", "nadie", "не назначен", "(belum ada)", "(koi nahi)"}},
      {LeadText::created,
       {"Lead created for {0}", "Lead creado para {0}", "Создан лид «{0}»", "Lead dibuat untuk {0}",
        "{0} ka lead bana"}},
      {LeadText::created_contact,
       {", contact {0}", ", contacto {0}", ", контакт: {0}", ", kontak {0}", ", contact {0}"}},
      {LeadText::created_source,
       {", source {0}", ", origen {0}", ", источник: {0}", ", sumber {0}", ", source {0}"}},
      {LeadText::created_assigned,
       {"; assigned to {0}", "; asignado a {0}", "; ответственный: {0}", "; ditugaskan ke {0}",
        "; {0} ko assign hua"}},
      {LeadText::reassigned,
       {"Reassigned from {0} to {1}", "Reasignado de {0} a {1}", "Ответственный изменён: {0} → {1}",
        "Dialihkan dari {0} ke {1}", "{0} se {1} ko reassign hua"}},
      {LeadText::qualified,
       {"Marked qualified", "Marcado como calificado", "Лид квалифицирован",
        "Ditandai sudah terkualifikasi", "Qualified mark kiya"}},
      {LeadText::details_updated,
       {"Details updated: {0}", "Datos actualizados: {0}", "Данные обновлены: {0}",
        "Detail diperbarui: {0}", "Details update hui: {0}"}},
      {LeadText::detail_item, {"{0} {1}", "{0}: {1}", "{0}: {1}", "{0}: {1}", "{0}: {1}"}},
      {LeadText::demo_scheduled,
       {"Demo scheduled for {0} with {1}", "Demo programada para el {0} con {1}",
        "Демо назначено на {0}, ответственный: {1}", "Demo dijadwalkan pada {0} dengan {1}",
        "Demo {0} ke liye schedule hua, {1} ke saath"}},
      {LeadText::meeting_scheduled,
       {"Meeting scheduled for {0} with {1}", "Reunión programada para el {0} con {1}",
        "Встреча назначена на {0}, ответственный: {1}", "Meeting dijadwalkan pada {0} dengan {1}",
        "Meeting {0} ke liye schedule hui, {1} ke saath"}},
      {LeadText::demo_moved,
       {"Demo moved from {0} to {1}", "Demo movida del {0} al {1}", "Демо перенесено: {0} → {1}",
        "Demo dipindah dari {0} ke {1}", "Demo {0} se {1} par shift hua"}},
      {LeadText::meeting_moved,
       {"Meeting moved from {0} to {1}", "Reunión movida del {0} al {1}",
        "Встреча перенесена: {0} → {1}", "Meeting dipindah dari {0} ke {1}",
        "Meeting {0} se {1} par shift hui"}},
      {LeadText::appointment_moved,
       {"Appointment moved from {0} to {1}", "Cita movida del {0} al {1}",
        "Встреча перенесена: {0} → {1}", "Jadwal dipindah dari {0} ke {1}",
        "Appointment {0} se {1} par shift hua"}},
      {LeadText::demo_done,
       {"Demo done", "Demo hecha", "Демо проведено", "Demo selesai", "Demo ho gaya"}},
      {LeadText::meeting_done,
       {"Meeting done", "Reunión hecha", "Встреча проведена", "Meeting selesai",
        "Meeting ho gayi"}},
      {LeadText::demo_cancelled,
       {"Demo of {0} cancelled", "Demo del {0} cancelada", "Демо на {0} отменено",
        "Demo {0} dibatalkan", "{0} wala demo cancel hua"}},
      {LeadText::meeting_cancelled,
       {"Meeting of {0} cancelled", "Reunión del {0} cancelada", "Встреча на {0} отменена",
        "Meeting {0} dibatalkan", "{0} wali meeting cancel hui"}},
      {LeadText::appointment_cancelled,
       {"Appointment of {0} cancelled", "Cita del {0} cancelada", "Встреча на {0} отменена",
        "Jadwal {0} dibatalkan", "{0} wala appointment cancel hua"}},
      {LeadText::note,
       {"Note: {0}", "Nota: {0}", "Заметка: {0}", "Catatan: {0}", "Note add kiya: {0}"}},
      {LeadText::status_changed,
       {"Status changed from {0} to {1}", "Estado cambiado de {0} a {1}",
        "Статус изменён: {0} → {1}", "Status diubah dari {0} ke {1}", "Status badla: {0} → {1}"}},
      {LeadText::follow_up_scheduled,
       {"Follow-up {0} ({1}) scheduled: \"{2}\"", "Seguimiento {0} ({1}) programado: \"{2}\"",
        "Фоллоу-ап {0} ({1}) запланирован: «{2}»", "Follow-up {0} ({1}) dijadwalkan: \"{2}\"",
        "Follow-up {0} ({1}) schedule hua: \"{2}\""}},
      {LeadText::follow_up_sent,
       {"Follow-up{0} sent to {1} to forward", "Seguimiento{0} enviado a {1} para que lo reenvíe",
        "Фоллоу-ап{0} отправлен на пересылку, получатель: {1}",
        "Follow-up{0} dikirim ke {1} untuk diteruskan",
        "Follow-up{0} {1} ko forward karne ke liye bheja"}},
      {LeadText::follow_up_skipped,
       {"Follow-up{0} skipped ({1})", "Seguimiento{0} omitido ({1})", "Фоллоу-ап{0} пропущен ({1})",
        "Follow-up{0} dilewati ({1})", "Follow-up{0} skip hua ({1})"}},
      {LeadText::assigned_to_you,
       {"New lead for you: {0}{1} (from {2}).", "Tienes un lead nuevo: {0}{1} (te lo asignó {2}).",
        "Вам передан новый лид: {0}{1} (кто назначил: {2}).",
        "Ada lead baru untukmu: {0}{1} (dari {2}).",
        "Aapke liye naya lead: {0}{1} ({2} ne assign kiya)."}},
      {LeadText::taken_from_you,
       {"Lead {0} is now with {1} (changed by {2}).",
        "El lead {0} ahora lo lleva {1} (cambio hecho por {2}).",
        "Лид «{0}» теперь ведёт {1} (кто изменил: {2}).",
        "Lead {0} sekarang dipegang {1} (diubah oleh {2}).",
        "Lead {0} ab {1} ke paas hai ({2} ne badla)."}},
      {LeadText::demo_moved_notice,
       {"The demo with {0} moved from {1} to {2} (by {3}).",
        "La demo con {0} se movió del {1} al {2} (la movió {3}).",
        "Демо по лиду «{0}» перенесено: {1} → {2} (кто перенёс: {3}).",
        "Demo dengan {0} dipindah dari {1} ke {2} (oleh {3}).",
        "{0} ke saath demo {1} se {2} par shift hua ({3} ne kiya)."}},
      {LeadText::meeting_moved_notice,
       {"The meeting with {0} moved from {1} to {2} (by {3}).",
        "La reunión con {0} se movió del {1} al {2} (la movió {3}).",
        "Встреча по лиду «{0}» перенесена: {1} → {2} (кто перенёс: {3}).",
        "Meeting dengan {0} dipindah dari {1} ke {2} (oleh {3}).",
        "{0} ke saath meeting {1} se {2} par shift hui ({3} ne ki)."}},
      {LeadText::appointment_moved_notice,
       {"The appointment with {0} moved from {1} to {2} (by {3}).",
        "La cita con {0} se movió del {1} al {2} (la movió {3}).",
        "Встреча по лиду «{0}» перенесена: {1} → {2} (кто перенёс: {3}).",
        "Jadwal dengan {0} dipindah dari {1} ke {2} (oleh {3}).",
        "{0} ke saath appointment {1} se {2} par shift hua ({3} ne kiya)."}},
      {LeadText::demo_scheduled_notice,
       {"A demo with {0} is scheduled for you: {1} (by {2}).",
        "Tienes una demo con {0}: {1} (la programó {2}).",
        "Вам назначено демо по лиду «{0}»: {1} (кто назначил: {2}).",
        "Kamu dijadwalkan demo dengan {0}: {1} (oleh {2}).",
        "Aapke liye {0} ke saath demo schedule hua: {1} ({2} ne kiya)."}},
      {LeadText::meeting_scheduled_notice,
       {"A meeting with {0} is scheduled for you: {1} (by {2}).",
        "Tienes una reunión con {0}: {1} (la programó {2}).",
        "Вам назначена встреча по лиду «{0}»: {1} (кто назначил: {2}).",
        "Kamu dijadwalkan meeting dengan {0}: {1} (oleh {2}).",
        "Aapke liye {0} ke saath meeting schedule hui: {1} ({2} ne ki)."}},
      {LeadText::follow_up_due,
       {"Follow-up {0} for {1}{2}. Forward this to the client:\n\n{3}",
        "Seguimiento {0} para {1}{2}. Reenvía esto al cliente:\n\n{3}",
        "Фоллоу-ап {0} по лиду «{1}»{2}. Перешлите клиенту:\n\n{3}",
        "Follow-up {0} untuk {1}{2}. Teruskan pesan ini ke klien ya:\n\n{3}",
        "{1}{2} ke liye follow-up {0}. Yeh message client ko forward kijiye:\n\n{3}"}},
      {LeadText::follow_up_due_of,
       {"Follow-up {0} of {1} for {2}{3}. Forward this to the client:\n\n{4}",
        "Seguimiento {0} de {1} para {2}{3}. Reenvía esto al cliente:\n\n{4}",
        "Фоллоу-ап {0} из {1} по лиду «{2}»{3}. Перешлите клиенту:\n\n{4}",
        "Follow-up {0} dari {1} untuk {2}{3}. Teruskan pesan ini ke klien ya:\n\n{4}",
        "{2}{3} ke liye follow-up {0} ({1} mein se). Yeh message client ko forward "
        "kijiye:\n\n{4}"}},
  };
  return t;
}

// Labels of detail fields, statuses, task kinds and skip reasons. English is
// the name with spaces for underscores, as for a field not listed here.
const std::map<std::string, Row>& labels() {
  static const std::map<std::string, Row> t = {
      // Detail fields (domain/lead.hpp kQualificationFields, and the contact's).
      {"address", {"address", "dirección", "адрес", "alamat", "address"}},
      {"turnover", {"turnover", "facturación", "оборот", "omzet", "turnover"}},
      {"current_system",
       {"current system", "sistema actual", "текущая система", "sistem saat ini",
        "abhi ka system"}},
      {"challenges", {"challenges", "retos", "сложности", "kendala", "dikkatein"}},
      {"contact_name",
       {"contact name", "nombre de contacto", "контактное лицо", "nama kontak", "contact ka naam"}},
      {"phone", {"phone", "teléfono", "телефон", "telepon", "phone"}},
      {"email", {"email", "correo", "эл. почта", "email", "email"}},
      {"source", {"source", "origen", "источник", "sumber", "source"}},
      {"budget", {"budget", "presupuesto", "бюджет", "anggaran", "budget"}},
      {"timeline", {"timeline", "plazo", "сроки", "target waktu", "timeline"}},
      {"decision_maker",
       {"decision maker", "quién decide", "ЛПР", "pengambil keputusan", "decision lene wale"}},
      // Statuses (domain/lead.cpp).
      {"new", {"new", "nuevo", "новый", "baru", "naya"}},
      {"contacted", {"contacted", "contactado", "связались", "sudah dihubungi", "contact kiya"}},
      {"qualified", {"qualified", "calificado", "квалифицирован", "terkualifikasi", "qualified"}},
      {"meeting_scheduled",
       {"meeting scheduled", "reunión programada", "встреча назначена", "meeting dijadwalkan",
        "meeting fix"}},
      {"meeting_done",
       {"meeting done", "reunión hecha", "встреча проведена", "meeting selesai",
        "meeting ho chuki"}},
      {"demo_scheduled",
       {"demo scheduled", "demo programada", "демо назначено", "demo dijadwalkan", "demo fix"}},
      {"demo_done", {"demo done", "demo hecha", "демо проведено", "demo selesai", "demo ho chuka"}},
      {"won", {"won", "ganado", "выигран", "berhasil", "won"}},
      {"lost", {"lost", "perdido", "проигран", "gagal", "lost"}},
      // Task kinds (crm/lead_book.hpp).
      {"meeting", {"meeting", "reunión", "встреча", "meeting", "meeting"}},
      {"demo", {"demo", "demo", "демо", "demo", "demo"}},
      {"follow_up", {"follow up", "seguimiento", "фоллоу-ап", "follow-up", "follow-up"}},
      // Why a follow-up was skipped (domain/lead.cpp).
      {"superseded",
       {"superseded", "reemplazado", "заменён новым", "digantikan yang baru",
        "naye follow-up ne replace kiya"}},
      {"lead_won",
       {"lead won", "lead ganado", "лид выигран", "lead berhasil", "lead won ho chuka"}},
      {"lead_lost",
       {"lead lost", "lead perdido", "лид проигран", "lead gagal", "lead lost ho chuka"}},
  };
  return t;
}

std::string say(const std::string& language, LeadText key,
                const std::vector<std::string>& args = {}) {
  return fill(sentences().at(key)[language_column(language)], args);
}

// Short day and month names, in the columns of Row.
const std::array<std::array<const char*, 7>, 5> kDays = {{
    {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"},
    {"dom", "lun", "mar", "mié", "jue", "vie", "sáb"},
    {"вс", "пн", "вт", "ср", "чт", "пт", "сб"},
    {"Min", "Sen", "Sel", "Rab", "Kam", "Jum", "Sab"},
    {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"},
}};
const std::array<std::array<const char*, 12>, 5> kMonths = {{
    {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
    {"ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"},
    // After the day's number: the genitive ("25 мая").
    {"янв", "фев", "мар", "апр", "мая", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"},
    {"Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"},
    {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
}};

}  // namespace

std::string human_local_time(const std::string& language, const std::string& w) {
  int y, mo, d, h, mi;
  if (w.size() < 16 || std::sscanf(w.c_str(), "%4d-%2d-%2dT%2d:%2d", &y, &mo, &d, &h, &mi) != 5)
    return w;
  const size_t col = language_column(language);
  // Sakamoto's day of the week.
  static const int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  int yy = mo < 3 ? y - 1 : y;
  int wd = (yy + yy / 4 - yy / 100 + yy / 400 + t[(mo + 11) % 12] + d) % 7;
  char buf[80];
  std::snprintf(buf, sizeof buf, "%s %d %s %02d:%02d", kDays[col][wd], d,
                kMonths[col][(mo + 11) % 12], h, mi);
  return buf;
}

std::string field_label(const std::string& language, const std::string& field) {
  auto it = labels().find(field);
  if (it != labels().end()) return it->second[language_column(language)];
  std::string out = field;
  for (auto& c : out)
    if (c == '_') c = ' ';
  return out;
}

namespace {

std::string name(const std::string& language, const NameOf& name_of, const std::string& username) {
  if (username.empty()) return say(language, LeadText::nobody);
  auto n = name_of ? name_of(username) : std::string();
  return n.empty() ? username : n;
}

std::string with_note(std::string text, const std::string& note) {
  if (!note.empty()) text += ": " + note;
  return text;
}

const lead::Appointment* find(const lead::State& s, const std::string& id) {
  for (const auto& a : s.appointments)
    if (a.id == id) return &a;
  return nullptr;
}

// The sentence for a demo, a meeting, or (no appointment) one of a kind unknown.
LeadText pick(const lead::Appointment* a, LeadText demo, LeadText meeting, LeadText unknown) {
  if (!a) return unknown;
  return a->kind == lead::AppointmentKind::demo ? demo : meeting;
}
LeadText pick(lead::AppointmentKind k, LeadText demo, LeadText meeting) {
  return k == lead::AppointmentKind::demo ? demo : meeting;
}

// " 2" for the step's number, "" for a step not in `before`.
std::string step_number(const lead::State& before, const std::string& step_id) {
  std::string idx;
  for (const auto& f : before.follow_ups)
    if (f.step_id == step_id) idx = " " + std::to_string(f.index);
  return idx;
}

}  // namespace

std::string describe(const std::string& language, const lead::Event& event,
                     const lead::State& before, const NameOf& name_of) {
  const std::string& ln = language;
  return std::visit(
      [&](const auto& e) -> std::string {
        using T = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<T, lead::Created>) {
          std::string s = say(ln, LeadText::created, {e.company});
          if (!e.contact_name.empty()) s += say(ln, LeadText::created_contact, {e.contact_name});
          if (!e.phone.empty()) s += ", " + e.phone;
          if (!e.email.empty()) s += ", " + e.email;
          if (!e.source.empty()) s += say(ln, LeadText::created_source, {e.source});
          return s + say(ln, LeadText::created_assigned, {name(ln, name_of, e.assignee)});
        } else if constexpr (std::is_same_v<T, lead::Assigned>) {
          return say(ln, LeadText::reassigned,
                     {name(ln, name_of, e.from), name(ln, name_of, e.to)});
        } else if constexpr (std::is_same_v<T, lead::Qualified>) {
          return say(ln, LeadText::qualified);
        } else if constexpr (std::is_same_v<T, lead::DetailsUpdated>) {
          std::string list;
          bool first = true;
          for (const auto& [k, v] : e.fields) {
            list += (first ? "" : "; ") + say(ln, LeadText::detail_item, {field_label(ln, k), v});
            first = false;
          }
          return say(ln, LeadText::details_updated, {list});
        } else if constexpr (std::is_same_v<T, lead::AppointmentScheduled>) {
          const auto& a = e.appointment;
          return with_note(
              say(ln, pick(a.kind, LeadText::demo_scheduled, LeadText::meeting_scheduled),
                  {human_local_time(ln, a.when_local), name(ln, name_of, a.assignee)}),
              a.note);
        } else if constexpr (std::is_same_v<T, lead::AppointmentRescheduled>) {
          const auto* a = find(before, e.appointment_id);
          return say(
              ln,
              pick(a, LeadText::demo_moved, LeadText::meeting_moved, LeadText::appointment_moved),
              {human_local_time(ln, e.from_local), human_local_time(ln, e.when_local)});
        } else if constexpr (std::is_same_v<T, lead::AppointmentDone>) {
          return with_note(say(ln, pick(e.kind, LeadText::demo_done, LeadText::meeting_done)),
                           e.note);
        } else if constexpr (std::is_same_v<T, lead::AppointmentCancelled>) {
          const auto* a = find(before, e.appointment_id);
          return with_note(say(ln,
                               pick(a, LeadText::demo_cancelled, LeadText::meeting_cancelled,
                                    LeadText::appointment_cancelled),
                               {a ? human_local_time(ln, a->when_local) : e.appointment_id}),
                           e.note);
        } else if constexpr (std::is_same_v<T, lead::ActivityAdded>) {
          return say(ln, LeadText::note, {e.note});
        } else if constexpr (std::is_same_v<T, lead::StatusChanged>) {
          return say(ln, LeadText::status_changed,
                     {field_label(ln, e.from), field_label(ln, e.to)});
        } else if constexpr (std::is_same_v<T, lead::FollowUpScheduled>) {
          return say(ln, LeadText::follow_up_scheduled,
                     {std::to_string(e.step.index), e.step.sequence, e.step.text});
        } else if constexpr (std::is_same_v<T, lead::FollowUpSent>) {
          return say(ln, LeadText::follow_up_sent,
                     {step_number(before, e.step_id), name(ln, name_of, e.to)});
        } else {
          return say(ln, LeadText::follow_up_skipped,
                     {step_number(before, e.step_id), field_label(ln, e.reason)});
        }
      },
      event);
}

std::string assigned_to_you(const std::string& language, const lead::State& l,
                            const std::string& by_name) {
  std::string contact;
  if (!l.contact_name.empty()) contact += ", " + l.contact_name;
  if (!l.phone.empty()) contact += ", " + l.phone;
  return say(language, LeadText::assigned_to_you, {l.company, contact, by_name});
}

std::string taken_from_you(const std::string& language, const lead::State& l,
                           const std::string& new_owner_name, const std::string& by_name) {
  return say(language, LeadText::taken_from_you, {l.company, new_owner_name, by_name});
}

std::string appointment_moved(const std::string& language, const lead::State& l,
                              const lead::AppointmentRescheduled& e, const std::string& by_name) {
  const auto* a = find(l, e.appointment_id);
  return say(language,
             pick(a, LeadText::demo_moved_notice, LeadText::meeting_moved_notice,
                  LeadText::appointment_moved_notice),
             {l.company, human_local_time(language, e.from_local),
              human_local_time(language, e.when_local), by_name});
}

std::string appointment_scheduled(const std::string& language, const lead::State& l,
                                  const lead::Appointment& a, const std::string& by_name) {
  std::string when = human_local_time(language, a.when_local);
  if (!a.note.empty()) when += " — " + a.note;
  return say(language,
             pick(a.kind, LeadText::demo_scheduled_notice, LeadText::meeting_scheduled_notice),
             {l.company, when, by_name});
}

std::string follow_up_due(const std::string& language, const lead::State& l,
                          const lead::FollowUp& f, size_t steps) {
  std::string contact;
  if (!l.contact_name.empty()) contact += " (" + l.contact_name;
  if (!l.phone.empty()) contact += (l.contact_name.empty() ? " (" : ", ") + l.phone;
  if (!contact.empty()) contact += ")";
  std::string s =
      steps ? say(language, LeadText::follow_up_due_of,
                  {std::to_string(f.index), std::to_string(steps), l.company, contact, f.text})
            : say(language, LeadText::follow_up_due,
                  {std::to_string(f.index), l.company, contact, f.text});
  if (!f.attachment_url.empty()) s += "\n" + f.attachment_url;
  return s;
}

}  // namespace parley::brain
