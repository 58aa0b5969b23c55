#include "brain/order_texts.hpp"

#include <array>
#include <map>

namespace parley::brain {

namespace {

using Row = std::array<const char*, 5>;  // en, es, ru, id, hi

size_t index_of(const std::string& language) {
  static const std::map<std::string, size_t> idx = {
      {"en", 0}, {"es", 1}, {"ru", 2}, {"id", 3}, {"hi", 4}};
  auto it = idx.find(language);
  return it == idx.end() ? 0 : it->second;
}

std::string fill(std::string text, const std::vector<std::string>& args) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string mark = "{" + std::to_string(i) + "}";
    for (auto at = text.find(mark); at != std::string::npos;
         at = text.find(mark, at + args[i].size()))
      text.replace(at, mark.size(), args[i]);
  }
  return text;
}

const std::map<std::string, Row>& status_words() {
  static const std::map<std::string, Row> t = {
      {"placed", {"placed", "recibido", "оформлен", "diterima", "place ho gaya"}},
      {"awaiting_payment",
       {"awaiting payment", "pendiente de pago", "ожидает оплаты", "menunggu pembayaran",
        "payment baaki hai"}},
      {"paid", {"paid", "pagado", "оплачен", "sudah dibayar", "payment ho gaya"}},
      {"shipped", {"shipped", "enviado", "отправлен", "sudah dikirim", "ship ho gaya"}},
      {"delivered", {"delivered", "entregado", "доставлен", "sudah sampai", "deliver ho gaya"}},
      {"cancelled", {"cancelled", "cancelado", "отменён", "dibatalkan", "cancel ho gaya"}},
      {"refunded",
       {"refunded", "reembolsado", "деньги возвращены", "dana dikembalikan", "refund ho gaya"}},
  };
  return t;
}

const std::map<std::string, Row>& notices() {
  static const std::map<std::string, Row> t = {
      {"pay_link",
       {"Order {0} ({1}): you can pay securely here: {2}",
        "Pedido {0} ({1}): puedes pagar de forma segura aquí: {2}",
        "Заказ {0} ({1}): оплатить можно по ссылке: {2}",
        "Pesanan {0} ({1}): silakan bayar di sini: {2}",
        "Order {0} ({1}): yahan safely payment kar sakte hain: {2}"}},
      {"pay_transfer",
       {"Order {0} ({1}): please pay by bank transfer. {2}",
        "Pedido {0} ({1}): por favor paga por transferencia bancaria. {2}",
        "Заказ {0} ({1}): оплатите, пожалуйста, банковским переводом. {2}",
        "Pesanan {0} ({1}): silakan bayar lewat transfer bank. {2}",
        "Order {0} ({1}): bank transfer se payment kijiye. {2}"}},
      {"paid",
       {"Payment received for order {0} — thank you! We are getting it ready.",
        "¡Pago recibido para el pedido {0}, gracias! Lo estamos preparando.",
        "Оплата заказа {0} получена — спасибо! Готовим его к отправке.",
        "Pembayaran pesanan {0} sudah diterima, terima kasih! Sedang kami siapkan.",
        "Order {0} ka payment mil gaya — shukriya! Hum order ready kar rahe hain."}},
      {"shipped",
       {"Order {0} is on its way.", "Tu pedido {0} está en camino.", "Заказ {0} уже в пути.",
        "Pesanan {0} sedang dikirim.", "Order {0} raaste mein hai."}},
      {"tracking",
       {" Tracking: {0}", " Seguimiento: {0}", " Трек-номер: {0}", " Resi: {0}", " Tracking: {0}"}},
      {"delivered",
       {"Order {0} has been delivered. Enjoy!", "El pedido {0} fue entregado. ¡Que lo disfrutes!",
        "Заказ {0} доставлен. Приятного пользования!",
        "Pesanan {0} sudah sampai. Selamat menikmati!",
        "Order {0} deliver ho gaya. Enjoy kijiye!"}},
      {"cancelled",
       {"Order {0} has been cancelled.", "El pedido {0} fue cancelado.", "Заказ {0} отменён.",
        "Pesanan {0} dibatalkan.", "Order {0} cancel ho gaya hai."}},
      {"refunded",
       {"Order {0} has been refunded ({1}).", "El pedido {0} fue reembolsado ({1}).",
        "Деньги за заказ {0} возвращены ({1}).", "Dana pesanan {0} sudah dikembalikan ({1}).",
        "Order {0} ka refund ho gaya ({1})."}},
      {"status",
       {"Order {0}: {1}. Total {2}.", "Pedido {0}: {1}. Total {2}.", "Заказ {0}: {1}. Итого {2}.",
        "Pesanan {0}: {1}. Total {2}.", "Order {0}: {1}. Total {2}."}},
      {"pay_soon",
       {"Payment for order {0} ({1}): we'll send the payment instructions here shortly.",
        "Pago del pedido {0} ({1}): te enviaremos las instrucciones aquí.",
        "Оплата заказа {0} ({1}): скоро пришлём инструкции сюда.",
        "Pembayaran pesanan {0} ({1}): instruksi pembayaran segera kami kirim di sini.",
        "Order {0} ({1}) ka payment: instructions yahin bhejte hain thodi der mein."}},
      {"no_payment_due",
       {"Order {0} is {1}; nothing to pay.", "El pedido {0} está {1}; no hay nada que pagar.",
        "Заказ {0}: {1}; оплачивать ничего не нужно.",
        "Pesanan {0} {1}; tidak ada yang perlu dibayar.",
        "Order {0} {1}; kuch pay nahi karna hai."}},
  };
  return t;
}

std::string notice(const std::string& language, const char* key,
                   const std::vector<std::string>& args) {
  return fill(notices().at(key)[index_of(language)], args);
}

}  // namespace

std::string order_status_word(const std::string& language, const std::string& status) {
  auto it = status_words().find(status);
  return it == status_words().end() ? status : it->second[index_of(language)];
}

std::string payment_reply(const std::string& language, const std::string& order_id,
                          const domain::conversation::OrderNote& note, const std::string& amount) {
  if (note.status != "awaiting_payment" && note.status != "placed" && !note.status.empty())
    return notice(language, "no_payment_due", {order_id, order_status_word(language, note.status)});
  if (!note.payment_url.empty())
    return notice(language, "pay_link", {order_id, amount, note.payment_url});
  if (!note.payment_instructions.empty())
    return notice(language, "pay_transfer", {order_id, amount, note.payment_instructions});
  return notice(language, "pay_soon", {order_id, amount});
}

std::string order_notice(const std::string& language, const std::string& order_id,
                         const domain::conversation::OrderNote& note, const std::string& amount) {
  const std::string& s = note.status;
  if (s == "awaiting_payment" || s == "placed")
    return payment_reply(language, order_id, note, amount);
  if (s == "shipped")
    return notice(language, "shipped", {order_id}) +
           (note.tracking.empty() ? "" : notice(language, "tracking", {note.tracking}));
  if (notices().count(s)) return notice(language, s.c_str(), {order_id, amount});
  return notice(language, "status", {order_id, order_status_word(language, s), amount});
}

std::string order_status_reply(const std::string& language, const std::string& order_id,
                               const domain::conversation::OrderNote& note,
                               const std::string& amount) {
  const std::string status = note.status.empty() ? "placed" : note.status;
  std::string text =
      notice(language, "status", {order_id, order_status_word(language, status), amount});
  if (status == "awaiting_payment" &&
      (!note.payment_url.empty() || !note.payment_instructions.empty()))
    text += " " + payment_reply(language, order_id, note, amount);
  if (status == "shipped" && !note.tracking.empty())
    text += notice(language, "tracking", {note.tracking});
  return text;
}

}  // namespace parley::brain
