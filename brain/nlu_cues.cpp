#include "brain/nlu_cues.hpp"

#include <sstream>
#include <utility>

#include "brain/text.hpp"

namespace parley::brain::nlu {

Cues::Cues(std::initializer_list<const char*> list) {
  for (const char* c : list) {
    items.push_back(fold(c));
    std::istringstream parts(items.back());
    words.emplace_back();
    for (std::string w; parts >> w;) words.back().push_back(w);
    const std::string& first = words.back().front();
    if (first.size() > 1 && first.back() == '*') {
      prefix_first.push_back(words.size() - 1);
      if (first.size() > 2)
        prefix_pairs.set(pair(first));
      else
        short_prefix = true;
    } else {
      by_first[first].push_back(words.size() - 1);
      first_shapes.set(shape(first));
    }
  }
}

namespace {

// Length of `cue` matched at token i, or 0.
size_t match_at(const Tokens& tk, const std::vector<std::string>& cue, size_t i) {
  size_t k = i;
  for (const std::string& w : cue) {
    if (k >= tk.size()) return 0;
    const std::string& t = tk.f(k);
    if (w.size() > 1 && w.back() == '*') {
      if (t.compare(0, w.size() - 1, w, 0, w.size() - 1) != 0) return 0;
    } else if (t != w) {
      return 0;
    }
    ++k;
  }
  return k - i;
}

}  // namespace

size_t cue_length_at(const Tokens& tk, const Cues& cues, size_t i) {
  if (i >= tk.size()) return 0;
  // The first matching phrase in the list's order, as before the index.
  size_t best_index = SIZE_MAX, best_len = 0;
  auto consider = [&](size_t idx) {
    if (idx >= best_index) return;
    if (size_t len = match_at(tk, cues.words[idx], i)) {
      best_index = idx;
      best_len = len;
    }
  };
  if (cues.first_shapes.test(Cues::shape(tk.f(i))))
    if (auto it = cues.by_first.find(tk.f(i)); it != cues.by_first.end())
      for (size_t idx : it->second) consider(idx);
  const std::string& t = tk.f(i);
  if (cues.short_prefix || (t.size() >= 2 && cues.prefix_pairs.test(Cues::pair(t))))
    for (size_t idx : cues.prefix_first) consider(idx);
  return best_len;
}

CueFamilies::CueFamilies(std::vector<const Cues*> families) : families_(std::move(families)) {
  for (uint32_t f = 0; f < families_.size(); ++f) {
    const Cues& cues = *families_[f];
    for (const auto& [first, phrases] : cues.by_first)
      for (size_t idx : phrases) by_first_[first].push_back({f, &cues.words[idx]});
    for (size_t idx : cues.prefix_first) prefix_first_.push_back({f, &cues.words[idx]});
    first_shapes_ |= cues.first_shapes;
    prefix_pairs_ |= cues.prefix_pairs;
    short_prefix_ = short_prefix_ || cues.short_prefix;
  }
}

std::vector<bool> CueFamilies::present(const Tokens& tk) const {
  std::vector<bool> found(families_.size(), false);
  auto consider = [&](const Phrase& p, size_t i) {
    if (!found[p.family] && match_at(tk, *p.words, i)) found[p.family] = true;
  };
  for (size_t i = 0; i < tk.size(); ++i) {
    const std::string& t = tk.f(i);
    if (first_shapes_.test(Cues::shape(t)))
      if (auto it = by_first_.find(t); it != by_first_.end())
        for (const auto& p : it->second) consider(p, i);
    if (short_prefix_ || (t.size() >= 2 && prefix_pairs_.test(Cues::pair(t))))
      for (const auto& p : prefix_first_) consider(p, i);
  }
  return found;
}

size_t find_cue(const Tokens& tk, const Cues& cues, size_t from) {
  for (size_t i = from; i < tk.size(); ++i)
    if (cue_length_at(tk, cues, i)) return i;
  return std::string::npos;
}

namespace cues {

// Keys are written folded: lower case, no accents (fold() strips them from input).
const Cues greet = {"hi",           "hello",
                    "hey",          "hiya",
                    "good morning", "good afternoon",
                    "good evening", "hola",
                    "buenas",       "buenos dias",
                    "buen dia",     "привет",
                    "здравствуй*",  "добрый день",
                    "доброе утро",  "добрый вечер",
                    "halo",         "hai",
                    "selamat pagi", "selamat siang",
                    "selamat sore", "selamat malam",
                    "pagi",         "namaste",
                    "namaskar",     "नमस्ते",
                    "नमस्कार",       "salaam",
                    "assalam*"};
const Cues goodbye = {
    "bye",           "goodbye",       "cya",         "see you",    "see ya",       "thats all",
    "that's all",    "adios",         "chao",        "chau",       "hasta luego",  "hasta pronto",
    "nos vemos",     "пока",          "до свидания", "до встречи", "sampai jumpa", "dadah",
    "daah",          "alvida",        "अलविदा",      "फिर मिलेंगे",   "phir milenge", "good night",
    "buenas noches", "спокойной ночи"};
const Cues thanks = {"thanks",     "thank",    "thx",       "ty",           "gracias", "grax",
                     "спасибо",    "спс",      "благодарю", "terima kasih", "makasih", "trims",
                     "thanks kak", "shukriya", "dhanyavad", "dhanyawad",    "धन्यवाद",  "शुक्रिया"};
const Cues affirm = {"yes",         "yeah",      "yep",     "yup",      "ok",  "okay",  "sure",
                     "confirm",     "confirmed", "correct", "right",    "si",  "claro", "dale",
                     "perfecto",    "confirmo",  "vale",    "correcto", "да",  "ага",   "ок",
                     "подтверждаю", "верно",     "конечно", "iya",      "ya",  "oke",   "betul",
                     "benar",       "lanjut",    "siap",    "haan",     "han", "ha",    "ji haan",
                     "theek",       "thik",      "sahi",    "हाँ",       "हां",  "ठीक",   "कन्फर्म"};
const Cues deny = {"no",       "nope",     "nah",    "cancel",   "not",     "nel",
                   "mejor no", "cancela*", "нет",    "не",       "отмени*", "tidak",
                   "gak",      "nggak",    "enggak", "ga",       "batal*",  "jangan",
                   "nahi",     "nahin",    "mat",    "rehne do", "नहीं",     "नही"};
const Cues handoff = {"human",
                      "real person",
                      "person",
                      "manager",
                      "operator",
                      "agent",
                      "someone",
                      "somebody",
                      "representative",
                      "support",
                      "persona",
                      "humano",
                      "asesor",
                      "agente",
                      "encargado",
                      "оператор*",
                      "человек*",
                      "менеджер*",
                      "консультант*",
                      "cs",
                      "admin",
                      "manusia",
                      "orang",
                      "insaan",
                      "insan",
                      "aadmi",
                      "manager se",
                      "alguien",
                      "soporte",
                      "servicio al cliente",
                      "customer service",
                      "customer care",
                      "поддержк*",
                      "layanan pelanggan",
                      "मैनेजर",
                      "इंसान",
                      "एजेंट"};
const Cues order_word = {"order",   "orders", "package", "parcel", "shipment", "paquete", "envio",
                         "kiriman", "pedido", "pedidos", "orden",  "compra",   "заказ*",  "посылк*",
                         "pesanan", "paket",  "orderan", "ऑर्डर",   "आर्डर"};
const Cues order_status = {"where is",    "where's",      "status",   "track",      "tracking",
                           "arrive",      "delivered",    "no llega", "donde esta", "cuando llega",
                           "где",         "когда",        "приедет",  "придет",     "статус",
                           "sampai mana", "belum datang", "kapan",    "kahan",      "kab",
                           "kab aayega",  "kab aaega",    "pahuncha", "कब",         "कहाँ",
                           "कहां",         "आएगा",         "llega",    "estado"};
const Cues where = {"where", "donde", "где", "mana", "kahan", "कहाँ", "कहां"};
const Cues pay = {"pay",   "payment",    "pago",          "pagar", "pagarlo", "оплат*",
                  "bayar", "pembayaran", "payment karna", "पेमेंट",   "भुगतान"};
const Cues payment_link_word = {"link", "enlace", "ссылк*", "tautan", "लिंक"};
const Cues how = {"how", "como", "как", "gimana", "bagaimana", "cara", "kaise", "kaisa", "कैसे"};
const Cues checkout = {"checkout",       "check out",   "place the order", "place order",
                       "place my order", "buy now",     "proceed",         "finalizar compra",
                       "finalizar",      "pagar",       "comprar",         "оформить",
                       "оформи",         "оплатить",    "купить",          "bayar",
                       "pesan sekarang", "order place", "order kar",       "place kar",
                       "khareed*",       "kharid*",     "खरीद*",           "चेकआउट"};
const Cues cart = {"cart", "basket", "bag", "carrito", "cesta", "корзин*", "keranjang", "कार्ट"};
const Cues clear = {"empty",    "clear",     "vacia",    "vaciar", "limpia", "очисти*",
                    "очистить", "kosongkan", "kosongin", "khaali", "khali",  "खाली"};
const Cues everything = {"everything", "all", "todo",     "всё", "все",
                         "semua",      "sab", "sab kuch", "सब",  "सब कुछ"};
const Cues view = {"show",       "see",        "view",      "what's in", "whats in",
                   "what is in", "muestra",    "muestrame", "ver",       "que hay",
                   "покажи",     "что у меня", "что в",     "lihat",     "isi",
                   "tampilkan",  "dikhao",     "dikha",     "दिखाओ",     "क्या है"};
const Cues total = {"total",    "how much", "cuanto", "итог", "сколько",
                    "totalnya", "berapa",   "kitna",  "कितना"};
const Cues remove = {"remove",  "take out", "delete", "drop",  "quita",     "quitar",
                     "elimina", "eliminar", "borra",  "saca",  "убери",     "убрать",
                     "удали",   "удалить",  "hapus",  "buang", "keluarkan", "hata",
                     "hatao",   "nikal*",   "हटा*",   "निकाल*"};
const Cues add = {"add",  "put",    "agrega",   "agregar", "anade",   "anadir",  "pon",  "ponme",
                  "mete", "добавь", "добавить", "положи",  "tambah*", "masuk*",  "daal", "dal do",
                  "dalo", "daalo",  "डाल*",     "जोड़*",    "add kar", "add karo"};
const Cues put_in = {"to cart",      "to my cart", "al carrito", "en el carrito", "в корзину",
                     "ke keranjang", "cart mein",  "cart me",    "कार्ट में"};
const Cues take = {"i'll take",    "ill take",  "i will take", "i'd like", "id like",
                   "i would like", "i'll have", "i take",      "me llevo", "беру",
                   "возьму",       "ambil",     "le lo",       "le lunga", "lena hai"};
const Cues quantity_word = {
    "qty", "quantity", "cantidad", "количеств*", "jumlah", "quantity kar", "pieces", "piece",
    "pcs", "unidades", "штук*",    "шт",         "pcs",    "biji",         "buah",   "pis"};
const Cues instead = {"instead",  "make it", "change",  "update", "set",     "cambia", "mejor",
                      "que sean", "solo",    "измени*", "сделай", "поставь", "ubah",   "ganti",
                      "jadi",     "sirf",    "bas",     "kar do", "कर दो"};
const Cues product_info = {
    "tell me more", "available", "availability",  "in stock",     "still there", "disponible",
    "queda",        "quedan",    "в наличии",     "есть ли",      "stok",        "masih ada",
    "tersedia",     "milega",    "available hai", "more about",   "details",     "detail",
    "material",     "made of",   "fabric",        "info",         "informacion", "mas info",
    "cuentame",     "detalles",  "de que",        "подробн*",     "расскаж*",    "что за",
    "из чего",      "ткань",     "материал",      "lebih lanjut", "bahan*",      "detailnya",
    "baare mein",   "bare mein", "batao",         "डिटेल*",        "बताओ",        "बारे"};
const Cues search = {"looking for", "look for", "show me", "do you have", "do u have",  "have any",
                     "need",        "want",     "search",  "find",        "any",        "busco",
                     "buscando",    "tienen",   "tienes",  "hay",         "quiero ver", "muestrame",
                     "ищу",         "есть",     "покажи*", "нужен",       "нужна",      "нужны",
                     "нужно",       "cari",     "ada",     "mau lihat",   "lihat",      "dikhao",
                     "chahiye",     "chaiye",   "dikhana", "दिखाओ",       "चाहिए",      "hai kya"};
const Cues category = {"category", "categoria", "категори*", "раздел*",
                       "kategori", "कैटेगरी",     "section",   "seccion"};
const Cues details_name = {"my name is",   "name is", "i am",       "i'm",       "me llamo",
                           "mi nombre es", "soy",     "меня зовут", "моё имя",   "мое имя",
                           "nama saya",    "namaku",  "nama aku",   "mera naam", "mera nam",
                           "मेरा नाम",      "naam"};
const Cues details_phone = {"phone",  "mobile",  "cel",   "celular", "telefono", "movil",
                            "numero", "телефон", "номер", "no hp",   "hp",       "nomor",
                            "wa",     "number",  "फोन",   "नंबर"};
const Cues details_email = {"email", "e-mail", "mail",  "correo", "почта",
                            "почту", "имейл",  "емейл", "ईमेल"};
const Cues details_address = {"deliver to",     "ship to",  "send to",   "address",    "my address",
                              "envialo a",      "enviar a", "envia a",   "direccion",  "mandalo a",
                              "адрес доставки", "адрес",    "доставьте", "kirim ke",   "alamat",
                              "antar ke",       "pata",     "पता",       "deliver kar"};

const Cues lead = {"lead",  "leads", "лид",        "лида", "лиды", "лидов",
                   "лидом", "лиде",  "prospecto*", "लीड",  "लीड्स"};
const Cues new_word = {"new",  "nuevo", "nueva", "новый", "новая",
                       "baru", "naya",  "nayi",  "नया",   "नई"};
const Cues create = {"create", "add",  "crear", "crea",   "agrega",   "создай", "создать",
                     "добавь", "buat", "bikin", "tambah", "add karo", "bana*"};
const Cues qualify = {"qualified",   "qualify",     "calificado",   "calificada",
                      "cualificado", "квалифицир*", "qualified ho", "क्वालिफाइड"};
const Cues reassign = {"reassign",      "re-assign", "reasigna*",      "переназнач*",
                       "передай",       "передать",  "теперь ведет",   "ведет",
                       "kasih ke",      "alihkan",   "pindahkan lead", "रीअसाइन",
                       "reassign karo", "give the",  "hand over"};
const Cues meeting = {"meeting", "meetings", "meet",      "met",   "reunion", "reuniones", "cita",
                      "встреч*", "встречу",  "pertemuan", "rapat", "मीटिंग",   "मुलाकात"};
const Cues demo = {"demo", "demos", "demonstration", "demostracion", "демо", "демонстрац*", "डेमो"};
const Cues done = {"done",      "completed", "complete", "finished", "held",      "over",
                   "realizada", "realizado", "hecha",    "hecho",    "terminada", "terminado",
                   "termine",   "проведен*", "провел*",  "провели",  "завершен*", "состоял*",
                   "прошл*",    "selesai",   "sudah",    "udah",     "ho gaya",   "ho gayi",
                   "ho gai",    "hua",       "हो गई",    "हो गया",   "हुई",        "हुआ"};
const Cues reschedule = {"reschedule",  "move",    "postpone", "push",     "shift",  "change",
                         "moved",       "mueve",   "mover",    "pasala",   "pasa",   "cambia",
                         "reprograma*", "aplaza*", "перенес*", "перенос*", "сдвин*", "переназначь",
                         "pindah*",     "undur*",  "diundur",  "geser",    "ganti",  "move karo",
                         "shift karo",  "आगे बढ़ा*", "शिफ्ट",     "बदलो"};
const Cues schedule = {"schedule", "set up",  "book",      "arrange",   "agenda", "programa",
                       "organiza", "назнач*", "запланир*", "jadwalkan", "atur",   "schedule karo",
                       "fix karo", "rakh do", "rakho",     "रखो",       "रख दो"};
const Cues activity = {"activity",   "log call", "log",       "note",  "actividad", "registrar",
                       "активност*", "заметк*",  "aktivitas", "catat", "एक्टिविटी",  "activity add"};
const Cues history = {"history", "timeline", "historial", "que ha pasado", "история",
                      "историю", "истории",  "riwayat",   "itihas",        "इतिहास"};
const Cues tasks = {"tasks",     "task",       "my plate",  "to do", "todo list", "tareas",
                    "pendiente", "pendientes", "задачи",    "задач", "по делам",  "дела",
                    "tugas",     "kerjaan",    "pekerjaan", "kaam",  "काम"};
const Cues leads_plural = {"leads", "лиды", "лидов", "prospectos", "leads saya", "daftar lead",
                           "लीड्स",  "list", "lista", "список",     "daftar",     "लिस्ट"};
const Cues update = {"update",   "actualiza", "actualizar", "обнови",
                     "обновить", "perbarui",  "update karo"};
const Cues turnover = {"turnover", "revenue", "facturacion", "ventas",    "оборот",
                       "выручка",  "omzet",   "omset",       "pendapatan"};
const Cues current_system = {"current system",    "sistema actual",  "текущая система",
                             "сейчас используют", "sistem sekarang", "sistem saat ini"};
const Cues challenges = {"challenges", "challenge", "problems", "pain points", "problemas",
                         "problema",   "проблемы",  "проблема", "kendala",     "masalah"};
const Cues address_word = {"address", "direccion", "адрес", "alamat", "पता"};
const Cues assign = {"assign to",  "assigned to", "assign",        "asignar a", "asignada a",
                     "asignado a", "asigna a",    "ответственный", "проводит",  "ведет",
                     "assign ke",  "yang handle", "handle",        "ko assign", "को असाइन"};
const Cues contact = {"contact", "contacto", "контакт", "kontak"};
const Cues source = {"source", "fuente", "источник", "sumber", "from", "via", "vino por", "dari"};
const Cues what = {"what", "que", "что", "apa", "kya", "क्या"};
const Cues out_scope = {"weather", "joke",   "capital",  "president",  "time is it", "clima",
                        "tiempo",  "chiste", "hora es",  "capital de", "погода",     "анекдот",
                        "шутк*",   "cuaca",  "presiden", "lelucon",    "cricket",    "score",
                        "mausam",  "мосам",  "मौसम",     "news",       "noticias",   "новости"};
const Cues filler = {"please", "pls",  "plz", "porfa", "por favor", "пожалуйста", "dong", "ya",
                     "kak",    "bhai", "ji",  "yaar",  "tolong",    "aja",        "deh",  "nya"};

const std::vector<const Cues*>& all() {
  static const std::vector<const Cues*> every = {&greet,
                                                 &goodbye,
                                                 &thanks,
                                                 &affirm,
                                                 &deny,
                                                 &handoff,
                                                 &order_word,
                                                 &order_status,
                                                 &where,
                                                 &pay,
                                                 &payment_link_word,
                                                 &how,
                                                 &checkout,
                                                 &cart,
                                                 &clear,
                                                 &everything,
                                                 &view,
                                                 &total,
                                                 &remove,
                                                 &add,
                                                 &put_in,
                                                 &take,
                                                 &quantity_word,
                                                 &instead,
                                                 &product_info,
                                                 &search,
                                                 &category,
                                                 &details_name,
                                                 &details_phone,
                                                 &details_email,
                                                 &details_address,
                                                 &lead,
                                                 &new_word,
                                                 &create,
                                                 &qualify,
                                                 &reassign,
                                                 &meeting,
                                                 &demo,
                                                 &done,
                                                 &reschedule,
                                                 &schedule,
                                                 &activity,
                                                 &history,
                                                 &tasks,
                                                 &leads_plural,
                                                 &update,
                                                 &turnover,
                                                 &current_system,
                                                 &challenges,
                                                 &address_word,
                                                 &assign,
                                                 &contact,
                                                 &source,
                                                 &what,
                                                 &out_scope,
                                                 &filler};
  return every;
}

}  // namespace cues
}  // namespace parley::brain::nlu
