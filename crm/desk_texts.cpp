#include "crm/desk_texts.hpp"

#include <array>
#include <map>
#include <string_view>

namespace parley::crm {
namespace {

using Row = std::array<const char*, 5>;  // en, es, ru, id, hi
const std::map<DeskText, Row>& table() {
  static const std::map<DeskText, Row> t = {
      {DeskText::role_needed,
       {"CRM commands need the sales or admin role; analysts read leads and reports in the "
        "console.",
        "Los comandos del CRM requieren el rol de ventas o de administrador; los analistas "
        "consultan leads e informes en la consola.",
        "Команды CRM доступны ролям sales и admin; аналитики смотрят лиды и отчёты в консоли.",
        "Perintah CRM butuh peran sales atau admin; analis melihat lead dan laporan di konsol.",
        "CRM commands ke liye sales ya admin role chahiye; analysts leads aur reports console "
        "mein dekhte hain."}},
      {DeskText::message_too_long,
       {"That message is too long for me (over {0} bytes). Please send one command at a time.",
        "Ese mensaje es demasiado largo para mí (más de {0} bytes). Envía un comando cada vez.",
        "Сообщение слишком длинное (больше {0} байт). Отправляйте по одной команде.",
        "Pesannya terlalu panjang (lebih dari {0} byte). Kirim satu perintah per pesan ya.",
        "Yeh message bahut lamba hai ({0} bytes se zyada). Ek baar mein ek hi command "
        "bhejiye."}},
      {DeskText::help,
       {"I can help with leads. Try: \"New lead: Acme Corp, John Doe, +91 98765 43210, assign to "
        "Priya\", \"Lead qualified for Acme\", \"Schedule demo for Acme tomorrow 11am\", \"Demo "
        "done for Acme\", \"Reassign Acme to Neha\", \"my tasks today\", \"show my leads\", "
        "\"history of Acme\", \"Acme lost\".",
        "Te ayudo con los leads. Prueba: \"New lead: Acme Corp, John Doe, +91 98765 43210, assign "
        "to Priya\", \"Lead qualified for Acme\", \"Schedule demo for Acme tomorrow 11am\", "
        "\"Demo done for Acme\", \"Reassign Acme to Neha\", \"my tasks today\", \"show my "
        "leads\", \"history of Acme\", \"Acme lost\".",
        "Я помогаю с лидами. Например: «New lead: Acme Corp, John Doe, +91 98765 43210, assign "
        "to Priya», «Lead qualified for Acme», «Schedule demo for Acme tomorrow 11am», «Demo "
        "done for Acme», «Reassign Acme to Neha», «my tasks today», «show my leads», «history "
        "of Acme», «Acme lost».",
        "Saya bisa bantu urusan lead. Coba: \"New lead: Acme Corp, John Doe, +91 98765 43210, "
        "assign to Priya\", \"Lead qualified for Acme\", \"Schedule demo for Acme tomorrow "
        "11am\", \"Demo done for Acme\", \"Reassign Acme to Neha\", \"my tasks today\", \"show "
        "my leads\", \"history of Acme\", \"Acme lost\".",
        "Main leads mein madad kar sakta hoon. Try kijiye: \"New lead: Acme Corp, John Doe, +91 "
        "98765 43210, assign to Priya\", \"Lead qualified for Acme\", \"Schedule demo for Acme "
        "tomorrow 11am\", \"Demo done for Acme\", \"Reassign Acme to Neha\", \"my tasks "
        "today\", \"show my leads\", \"history of Acme\", \"Acme lost\"."}},
      {DeskText::which_company,
       {"Which company? Please name the lead, e.g. \"{0} for Acme\".",
        "¿Qué empresa? Indica el lead, p. ej. \"{0} for Acme\".",
        "Какая компания? Укажите лида, например «{0} for Acme».",
        "Perusahaan yang mana? Sebutkan lead-nya, misalnya \"{0} for Acme\".",
        "Kaunsi company? Lead ka naam likhiye, jaise \"{0} for Acme\"."}},
      {DeskText::unknown_lead,
       {"I don't know a lead called \"{0}\". Create it with \"New lead: {0}, contact, phone\".",
        "No conozco ningún lead llamado \"{0}\". Créalo con \"New lead: {0}, contact, phone\".",
        "Лида «{0}» нет. Создайте его так: «New lead: {0}, contact, phone».",
        "Tidak ada lead bernama \"{0}\". Buat dengan \"New lead: {0}, contact, phone\".",
        "\"{0}\" naam ka koi lead nahi mila. Aise banaiye: \"New lead: {0}, contact, phone\"."}},
      {DeskText::choose_lead,
       {"Which one do you mean?", "¿Cuál de ellos?", "Какой из них?", "Yang mana maksudnya?",
        "Kaunsa wala?"}},
      {DeskText::choose_lead_by_number,
       {"Reply with the number.", "Responde con el número.", "Ответьте номером.",
        "Balas dengan nomornya.", "Number likh kar reply kijiye."}},
      {DeskText::choice_not_understood,
       {"I did not get which one. Please send the number or the company name again.",
        "No entendí cuál. Envía otra vez el número o el nombre de la empresa.",
        "Не понял, какой именно. Пришлите номер или название компании ещё раз.",
        "Saya belum tahu yang mana. Kirim lagi nomornya atau nama perusahaannya ya.",
        "Samajh nahi aaya kaunsa. Number ya company ka naam dobara bhejiye."}},
      {DeskText::unknown_member,
       {"I don't know \"{0}\" on the team.", "No conozco a \"{0}\" en el equipo.",
        "В команде нет «{0}».", "Tidak ada \"{0}\" di tim.",
        "Team mein \"{0}\" naam ka koi nahi hai."}},
      {DeskText::unknown_member_team_is,
       {"I don't know \"{0}\" on the team. The team: {1}.",
        "No conozco a \"{0}\" en el equipo. El equipo: {1}.", "В команде нет «{0}». Команда: {1}.",
        "Tidak ada \"{0}\" di tim. Anggota tim: {1}.",
        "Team mein \"{0}\" naam ka koi nahi hai. Team: {1}."}},
      {DeskText::ambiguous_member,
       {"\"{0}\" could be {1}. Please use the username.",
        "\"{0}\" puede ser {1}. Usa el nombre de usuario.",
        "«{0}» — это может быть {1}. Укажите username.",
        "\"{0}\" bisa berarti {1}. Pakai username-nya ya.",
        "\"{0}\" se {1} ho sakte hain. Username likhiye."}},
      {DeskText::nothing_to_move,
       {"There is nothing scheduled of that kind for this lead to move or cancel.",
        "Este lead no tiene nada de ese tipo programado que mover o cancelar.",
        "У этого лида нет ничего такого в расписании, что можно перенести или отменить.",
        "Tidak ada jadwal jenis itu untuk lead ini yang bisa dipindah atau dibatalkan.",
        "Is lead ke liye aisa kuch schedule nahi hai jise move ya cancel karein."}},
      {DeskText::when_missing,
       {"When? Please add a date and time, e.g. \"tomorrow 3pm\" or \"25 Nov 11:00\".",
        "¿Cuándo? Añade fecha y hora, p. ej. \"tomorrow 3pm\" o \"25 Nov 11:00\".",
        "Когда? Добавьте дату и время, например «tomorrow 3pm» или «25 Nov 11:00».",
        "Kapan? Tambahkan tanggal dan jam, misalnya \"tomorrow 3pm\" atau \"25 Nov 11:00\".",
        "Kab? Date aur time likhiye, jaise \"tomorrow 3pm\" ya \"25 Nov 11:00\"."}},
      {DeskText::lead_gone,
       {"That lead does not exist (any more).", "Ese lead no existe (o ya no existe).",
        "Такого лида нет (или уже нет).", "Lead itu tidak ada (lagi).",
        "Yeh lead nahi hai (ya ab nahi raha)."}},
      {DeskText::rejected,
       {"That did not work: {0}.", "No funcionó: {0}.", "Не получилось: {0}.",
        "Tidak berhasil: {0}.", "Yeh nahi hua: {0}."}},
      {DeskText::not_saved,
       {"Sorry, I could not save that just now ({0}). Please send it again.",
        "Lo siento, no pude guardarlo ahora ({0}). Envíalo otra vez.",
        "Извините, сейчас не удалось сохранить ({0}). Отправьте ещё раз.",
        "Maaf, belum bisa disimpan sekarang ({0}). Kirim lagi ya.",
        "Sorry, abhi save nahi ho paya ({0}). Dobara bhejiye."}},
      {DeskText::nothing_changed,
       {"Nothing changed: {0}", "Nada cambió: {0}", "Ничего не изменилось: {0}",
        "Tidak ada yang berubah: {0}", "Kuch nahi badla: {0}"}},
      {DeskText::create_needs_company,
       {"Please give the company: \"New lead: Acme Corp, John Doe, +91 98765 43210\".",
        "Indica la empresa: \"New lead: Acme Corp, John Doe, +91 98765 43210\".",
        "Укажите компанию: «New lead: Acme Corp, John Doe, +91 98765 43210».",
        "Sebutkan perusahaannya: \"New lead: Acme Corp, John Doe, +91 98765 43210\".",
        "Company ka naam dijiye: \"New lead: Acme Corp, John Doe, +91 98765 43210\"."}},
      {DeskText::lead_exists,
       {"A lead for {0} exists already (with {1}, status {2}). Nothing created.",
        "Ya existe un lead de {0} (lo lleva {1}, estado {2}). No se creó nada.",
        "Лид «{0}» уже есть (ведёт {1}, статус {2}). Ничего не создано.",
        "Lead untuk {0} sudah ada (dipegang {1}, status {2}). Tidak ada yang dibuat.",
        "{0} ka lead pehle se hai ({1} ke paas, status {2}). Kuch nahi banaya."}},
      {DeskText::lead_not_created,
       {"{0} The lead was not created.", "{0} No se creó el lead.", "{0} Лид не создан.",
        "{0} Lead tidak dibuat.", "{0} Lead nahi banaya gaya."}},
      {DeskText::lead_created,
       {"✅ New lead {0}", "✅ Nuevo lead {0}", "✅ Новый лид {0}", "✅ Lead baru {0}",
        "✅ Naya lead {0}"}},
      {DeskText::lead_created_contact,
       {"contact {0}", "contacto {0}", "контакт {0}", "kontak {0}", "contact {0}"}},
      {DeskText::lead_created_source,
       {"source {0}", "origen {0}", "источник {0}", "sumber {0}", "source {0}"}},
      {DeskText::lead_created_assigned,
       {"Assigned to {0}. (id {1})", "Asignado a {0}. (id {1})", "Ведёт {0}. (id {1})",
        "Ditugaskan ke {0}. (id {1})", "{0} ko assign kiya. (id {1})"}},
      {DeskText::lead_qualified,
       {"✅ {0} is qualified.", "✅ {0} está calificado.", "✅ {0}: лид квалифицирован.",
        "✅ {0} sudah terkualifikasi.", "✅ {0} qualified ho gaya."}},
      {DeskText::qualification_missing,
       {"To complete the qualification of {0}, please send the {1} in one message, e.g. "
        "\"turnover 5 crore, current system Tally, challenges manual billing, address MG Road "
        "Bengaluru\".",
        "Para completar la calificación de {0}, envía {1} en un solo mensaje, p. ej. \"turnover "
        "5 crore, current system Tally, challenges manual billing, address MG Road "
        "Bengaluru\".",
        "Чтобы завершить квалификацию {0}, пришлите одним сообщением: {1}, например «turnover 5 "
        "crore, current system Tally, challenges manual billing, address MG Road Bengaluru».",
        "Untuk melengkapi kualifikasi {0}, kirim {1} dalam satu pesan, misalnya \"turnover 5 "
        "crore, current system Tally, challenges manual billing, address MG Road Bengaluru\".",
        "{0} ki qualification poori karne ke liye {1} ek hi message mein bhejiye, jaise "
        "\"turnover 5 crore, current system Tally, challenges manual billing, address MG Road "
        "Bengaluru\"."}},
      {DeskText::details_unreadable,
       {"I could not read those details. Please write them like: turnover 5 crore, current "
        "system Tally, challenges manual billing, address MG Road Bengaluru.",
        "No pude leer esos datos. Escríbelos así: turnover 5 crore, current system Tally, "
        "challenges manual billing, address MG Road Bengaluru.",
        "Не удалось разобрать эти данные. Напишите их так: turnover 5 crore, current system "
        "Tally, challenges manual billing, address MG Road Bengaluru.",
        "Detail itu tidak bisa saya baca. Tulis seperti ini: turnover 5 crore, current system "
        "Tally, challenges manual billing, address MG Road Bengaluru.",
        "Yeh details samajh nahi aayi. Aise likhiye: turnover 5 crore, current system Tally, "
        "challenges manual billing, address MG Road Bengaluru."}},
      {DeskText::update_what,
       {"What should I update for that lead? For example: turnover 5 crore, current system "
        "Tally.",
        "¿Qué actualizo de ese lead? Por ejemplo: turnover 5 crore, current system Tally.",
        "Что обновить у этого лида? Например: turnover 5 crore, current system Tally.",
        "Apa yang perlu diperbarui untuk lead itu? Contoh: turnover 5 crore, current system "
        "Tally.",
        "Us lead mein kya update karun? Jaise: turnover 5 crore, current system Tally."}},
      {DeskText::lead_updated,
       {"✅ {0} updated — {1}.", "✅ {0} actualizado — {1}.", "✅ {0} обновлён — {1}.",
        "✅ {0} diperbarui — {1}.", "✅ {0} update ho gaya — {1}."}},
      {DeskText::still_missing,
       {"Still missing for {0}: {1}.", "Aún falta para {0}: {1}.", "Для {0} ещё не хватает: {1}.",
        "Masih kurang untuk {0}: {1}.", "{0} ke liye abhi bhi chahiye: {1}."}},
      {DeskText::meeting_when,
       {"When should the meeting be? Please add a date and time, e.g. \"tomorrow 3pm\".",
        "¿Cuándo es la reunión? Añade fecha y hora, p. ej. \"tomorrow 3pm\".",
        "Когда встреча? Добавьте дату и время, например «tomorrow 3pm».",
        "Meeting-nya kapan? Tambahkan tanggal dan jam, misalnya \"tomorrow 3pm\".",
        "Meeting kab rakhein? Date aur time likhiye, jaise \"tomorrow 3pm\"."}},
      {DeskText::demo_when,
       {"When should the demo be? Please add a date and time, e.g. \"tomorrow 3pm\".",
        "¿Cuándo es la demo? Añade fecha y hora, p. ej. \"tomorrow 3pm\".",
        "Когда демо? Добавьте дату и время, например «tomorrow 3pm».",
        "Demo-nya kapan? Tambahkan tanggal dan jam, misalnya \"tomorrow 3pm\".",
        "Demo kab rakhein? Date aur time likhiye, jaise \"tomorrow 3pm\"."}},
      {DeskText::time_unreadable,
       {"I could not read the time \"{0}\".", "No pude leer la hora \"{0}\".",
        "Не понял время «{0}».", "Waktu \"{0}\" tidak bisa saya baca.",
        "\"{0}\" time samajh nahi aaya."}},
      {DeskText::meeting_moved,
       {"✅ Meeting with {0} moved to {1}.", "✅ Reunión con {0} movida al {1}.",
        "✅ Встреча с {0} перенесена на {1}.", "✅ Meeting dengan {0} dipindah ke {1}.",
        "✅ {0} ke saath meeting {1} par shift kar di."}},
      {DeskText::demo_moved,
       {"✅ Demo with {0} moved to {1}.", "✅ Demo con {0} movida al {1}.",
        "✅ Демо с {0} перенесено на {1}.", "✅ Demo dengan {0} dipindah ke {1}.",
        "✅ {0} ke saath demo {1} par shift kar diya."}},
      {DeskText::meeting_scheduled,
       {"✅ Meeting with {0} on {1}, assigned to {2}.", "✅ Reunión con {0} el {1}, asignada a {2}.",
        "✅ Встреча с {0} на {1}, ведёт {2}.", "✅ Meeting dengan {0} pada {1}, ditugaskan ke {2}.",
        "✅ {0} ke saath meeting {1} ko, {2} ko assign ki."}},
      {DeskText::demo_scheduled,
       {"✅ Demo with {0} on {1}, assigned to {2}.", "✅ Demo con {0} el {1}, asignada a {2}.",
        "✅ Демо с {0} на {1}, ведёт {2}.", "✅ Demo dengan {0} pada {1}, ditugaskan ke {2}.",
        "✅ {0} ke saath demo {1} ko, {2} ko assign kiya."}},
      {DeskText::meeting_done,
       {"✅ Meeting done for {0}.", "✅ Reunión hecha con {0}.", "✅ Встреча с {0} проведена.",
        "✅ Meeting dengan {0} selesai.", "✅ {0} ke saath meeting ho gayi."}},
      {DeskText::meeting_done_noted,
       {"✅ Meeting done for {0} — noted: {1}.", "✅ Reunión hecha con {0} — nota: {1}.",
        "✅ Встреча с {0} проведена — заметка: {1}.", "✅ Meeting dengan {0} selesai — catatan: {1}.",
        "✅ {0} ke saath meeting ho gayi — note: {1}."}},
      {DeskText::demo_done,
       {"✅ Demo done for {0}.", "✅ Demo hecha con {0}.", "✅ Демо с {0} проведено.",
        "✅ Demo dengan {0} selesai.", "✅ {0} ke saath demo ho gaya."}},
      {DeskText::demo_done_noted,
       {"✅ Demo done for {0} — noted: {1}.", "✅ Demo hecha con {0} — nota: {1}.",
        "✅ Демо с {0} проведено — заметка: {1}.", "✅ Demo dengan {0} selesai — catatan: {1}.",
        "✅ {0} ke saath demo ho gaya — note: {1}."}},
      {DeskText::follow_ups_not_for_closed,
       {"The lead is {0}, so no follow-ups were scheduled.",
        "El lead está en estado {0}, así que no se programaron seguimientos.",
        "Статус лида — {0}, поэтому фоллоу-апы не запланированы.",
        "Status lead-nya {0}, jadi follow-up tidak dijadwalkan.",
        "Lead {0} hai, isliye koi follow-up schedule nahi hua."}},
      {DeskText::no_follow_up_sequence,
       {"No follow-up sequence is set up.", "No hay ninguna secuencia de seguimiento configurada.",
        "Цепочка фоллоу-апов не настроена.", "Belum ada urutan follow-up yang diatur.",
        "Koi follow-up sequence set nahi hai."}},
      {DeskText::follow_ups_scheduled,
       {"Follow-ups scheduled for {0}: {1}.", "Seguimientos programados para {0}: {1}.",
        "Фоллоу-апы для {0} запланированы: {1}.", "Follow-up dijadwalkan untuk {0}: {1}.",
        "{0} ke liye follow-ups schedule hue: {1}."}},
      {DeskText::reassign_to_whom,
       {"To whom? e.g. \"Reassign Acme to Neha\".", "¿A quién? p. ej. \"Reassign Acme to Neha\".",
        "Кому? Например: «Reassign Acme to Neha».", "Ke siapa? Misalnya \"Reassign Acme to Neha\".",
        "Kisko? Jaise \"Reassign Acme to Neha\"."}},
      {DeskText::reassigned,
       {"✅ {0} is now with {1}.", "✅ {0} ahora lo lleva {1}.", "✅ {0} теперь ведёт {1}.",
        "✅ {0} sekarang dipegang {1}.", "✅ {0} ab {1} ke paas hai."}},
      {DeskText::note_what,
       {"What should I note? e.g. \"Add activity for Acme, called the client\".",
        "¿Qué anoto? p. ej. \"Add activity for Acme, called the client\".",
        "Что записать? Например: «Add activity for Acme, called the client».",
        "Apa yang mau dicatat? Misalnya \"Add activity for Acme, called the client\".",
        "Kya note karun? Jaise \"Add activity for Acme, called the client\"."}},
      {DeskText::noted,
       {"✅ Noted for {0}: {1}", "✅ Anotado para {0}: {1}", "✅ Записал для {0}: {1}",
        "✅ Dicatat untuk {0}: {1}", "✅ {0} ke liye note kiya: {1}"}},
      {DeskText::lead_closed,
       {"✅ {0} marked {1}. Pending follow-ups will be skipped.",
        "✅ {0} marcado como {1}. Los seguimientos pendientes no se enviarán.",
        "✅ {0}: статус {1}. Запланированные фоллоу-апы не будут отправлены.",
        "✅ {0} ditandai {1}. Follow-up yang tertunda akan dilewati.",
        "✅ {0} ko {1} mark kiya. Pending follow-ups skip honge."}},
      {DeskText::window_today, {"today", "hoy", "на сегодня", "hari ini", "aaj"}},
      {DeskText::window_on_day, {"on {0}", "el {0}", "на {0}", "pada {0}", "{0}"}},
      {DeskText::window_this_week,
       {"this week", "esta semana", "на эту неделю", "minggu ini", "is hafte"}},
      {DeskText::window_next_week,
       {"next week", "la próxima semana", "на следующую неделю", "minggu depan", "agle hafte"}},
      {DeskText::no_tasks,
       {"No meetings, demos or follow-ups for you {0}.",
        "No tienes reuniones, demos ni seguimientos para {0}.",
        "У вас нет встреч, демо и фоллоу-апов {0}.",
        "Tidak ada meeting, demo, atau follow-up untukmu {0}.",
        "Aapke liye {0} koi meeting, demo ya follow-up nahi hai."}},
      {DeskText::tasks_header,
       {"Your tasks {0}:", "Tus tareas para {0}:", "Ваши задачи {0}:", "Tugas kamu {0}:",
        "Aapke {0} ke tasks:"}},
      {DeskText::no_leads,
       {"You have no leads yet.", "Todavía no tienes leads.", "У вас пока нет лидов.",
        "Kamu belum punya lead.", "Aapke paas abhi koi lead nahi hai."}},
      {DeskText::leads_header,
       {"Your leads ({0}):", "Tus leads ({0}):", "Ваши лиды ({0}):", "Lead kamu ({0}):",
        "Aapke leads ({0}):"}},
      {DeskText::history_unreadable,
       {"I could not read that lead's history just now.",
        "Ahora mismo no pude leer el historial de ese lead.",
        "Сейчас не удалось прочитать историю этого лида.",
        "Riwayat lead itu belum bisa dibaca sekarang.", "Abhi us lead ki history nahi padh paya."}},
      {DeskText::history_header,
       {"History of {0}:", "Historial de {0}:", "История лида «{0}»:", "Riwayat {0}:",
        "{0} ki history:"}},
      {DeskText::digest_header,
       {"Good morning! Today ({0}) you have:", "¡Buenos días! Hoy ({0}) tienes:",
        "Доброе утро! Сегодня ({0}) у вас:", "Selamat pagi! Hari ini ({0}) kamu punya:",
        "Good morning! Aaj ({0}) aapke tasks:"}},
      {DeskText::list_and, {"and", "y", "и", "dan", "aur"}},
  };
  return t;
}

int column(const std::string& language) {
  if (language == "es") return 1;
  if (language == "ru") return 2;
  if (language == "id") return 3;
  if (language == "hi") return 4;
  return 0;
}

}  // namespace

std::string desk_text(const std::string& language, DeskText key,
                      const std::vector<std::string>& args) {
  auto it = table().find(key);
  if (it == table().end()) return "";
  const std::string_view text = it->second[column(language)];
  // One pass over the text: an argument is copied, never searched again, so an
  // argument that contains "{0}" or "{1}" stays as the member wrote it.
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    if (text[i] == '{') {
      size_t j = i + 1;
      size_t n = 0;
      while (j < text.size() && j < i + 4 && text[j] >= '0' && text[j] <= '9')
        n = n * 10 + static_cast<size_t>(text[j++] - '0');
      if (j > i + 1 && j < text.size() && text[j] == '}' && n < args.size()) {
        out += args[n];
        i = j + 1;
        continue;
      }
    }
    out += text[i++];
  }
  return out;
}

}  // namespace parley::crm
