#include "brain/replies.hpp"

#include <array>
#include <cstdio>
#include <map>

namespace parley::brain {
namespace {

using Row = std::array<const char*, 5>;  // en, es, ru, id, hi
const std::map<Say, Row>& table() {
  static const std::map<Say, Row> t = {
      {Say::greet,
       {"Hello! Tell me what you are looking for, e.g. \"red heels size 38\" or \"something to "
        "fasten wood\".",
        "¡Hola! Dime qué buscas, por ejemplo \"tacones rojos talla 38\" o \"algo para sujetar "
        "madera\".",
        "Здравствуйте! Напишите, что ищете, например «красные туфли 38 размер» или «чем "
        "крепить доску».",
        "Halo kak! Mau cari apa? Misalnya \"sepatu hak merah ukuran 38\" atau \"lem kayu\".",
        "Namaste! Bataiye kya chahiye, jaise \"red heels size 38\" ya \"pimple ke liye cream\"."}},
      {Say::greet_named,
       {"Hello! I'm {0}. Tell me what you are looking for, e.g. \"red heels size 38\" or "
        "\"something to fasten wood\".",
        "¡Hola! Soy {0}. Dime qué buscas, por ejemplo \"tacones rojos talla 38\" o \"algo para "
        "sujetar madera\".",
        "Здравствуйте! Меня зовут {0}. Напишите, что ищете, например «красные туфли 38 размер» "
        "или «чем крепить доску».",
        "Halo kak! Saya {0}. Mau cari apa? Misalnya \"sepatu hak merah ukuran 38\" atau \"lem "
        "kayu\".",
        "Namaste! Main {0} hoon. Bataiye kya chahiye, jaise \"red heels size 38\" ya \"pimple ke "
        "liye cream\"."}},
      {Say::greet_formal,
       {"Good day, and welcome. Please tell me what you are looking for, for example \"red "
        "heels size 38\" or \"something to fasten wood\".",
        "Buenos días, bienvenido. Por favor, indíqueme qué busca, por ejemplo \"tacones rojos "
        "talla 38\" o \"algo para sujetar madera\".",
        "Добрый день! Пожалуйста, напишите, что вы ищете, например «красные туфли 38 размер» "
        "или «чем крепить доску».",
        "Selamat datang, Bapak/Ibu. Silakan sampaikan produk yang dicari, misalnya \"sepatu hak "
        "merah ukuran 38\" atau \"lem kayu\".",
        "Namaste ji, swagat hai. Kripya bataiye aapko kya chahiye, jaise \"red heels size 38\" "
        "ya \"pimple ke liye cream\"."}},
      {Say::greet_named_formal,
       {"Good day, and welcome. My name is {0}. Please tell me what you are looking for, for "
        "example \"red heels size 38\" or \"something to fasten wood\".",
        "Buenos días, bienvenido. Mi nombre es {0}. Por favor, indíqueme qué busca, por ejemplo "
        "\"tacones rojos talla 38\" o \"algo para sujetar madera\".",
        "Добрый день! Меня зовут {0}. Пожалуйста, напишите, что вы ищете, например «красные "
        "туфли 38 размер» или «чем крепить доску».",
        "Selamat datang, Bapak/Ibu. Saya {0}. Silakan sampaikan produk yang dicari, misalnya "
        "\"sepatu hak merah ukuran 38\" atau \"lem kayu\".",
        "Namaste ji, swagat hai. Mera naam {0} hai. Kripya bataiye aapko kya chahiye, jaise "
        "\"red heels size 38\" ya \"pimple ke liye cream\"."}},
      {Say::thanks_formal,
       {"You are most welcome.", "Con mucho gusto.", "Всегда рады помочь.", "Sama-sama, Bapak/Ibu.",
        "Aapka swagat hai ji."}},
      {Say::goodbye_formal,
       {"Thank you for your visit. Goodbye.", "Gracias por su visita. Hasta pronto.",
        "Спасибо за обращение. До свидания.",
        "Terima kasih atas kunjungannya, Bapak/Ibu. Sampai jumpa.",
        "Aane ke liye dhanyavaad ji. Phir milenge."}},
      {Say::found,
       {"Here is what I found:", "Esto es lo que encontré:", "Вот что я нашёл:",
        "Ini yang saya temukan:", "Yeh mile:"}},
      {Say::found_hint,
       {"Reply \"add the 2nd one\" or \"tell me more about the 1st\".",
        "Responde \"agrega el segundo\" o \"más info del primero\".",
        "Напишите «добавь второй» или «расскажи про первый».",
        "Balas \"tambah yang kedua\" atau \"info yang pertama\".",
        "Likhiye \"dusra wala add karo\" ya \"pehle wale ke baare mein batao\"."}},
      {Say::none_found,
       {"I couldn't find anything for \"{0}\". Try other words or a category.",
        "No encontré nada para \"{0}\". Prueba con otras palabras o una categoría.",
        "По запросу «{0}» ничего не нашлось. Попробуйте другие слова.",
        "Tidak ada hasil untuk \"{0}\". Coba kata lain atau kategori.",
        "\"{0}\" ke liye kuch nahi mila. Doosre shabd try kijiye."}},
      {Say::which_one,
       {"Which product do you mean? Search first, then say \"the 1st one\", \"the 2nd one\"…",
        "¿Qué producto? Busca primero y luego di \"el primero\", \"el segundo\"…",
        "Какой именно товар? Сначала найдите, затем напишите «первый», «второй»…",
        "Produk yang mana? Cari dulu, lalu bilang \"yang pertama\", \"yang kedua\"…",
        "Kaunsa product? Pehle search kijiye, phir \"pehla wala\", \"dusra wala\" likhiye."}},
      {Say::out_of_stock,
       {"Sorry, {0} is out of stock right now.", "Lo siento, {0} está agotado ahora mismo.",
        "К сожалению, {0} сейчас нет в наличии.", "Maaf, {0} sedang habis.",
        "Sorry, {0} abhi stock mein nahi hai."}},
      {Say::only_left,
       {"Sorry, only {0} of {1} left.", "Lo siento, solo quedan {0} de {1}.",
        "К сожалению, осталось только {0} шт. «{1}».", "Maaf, {1} tinggal {0}.",
        "Sorry, {1} sirf {0} bache hain."}},
      {Say::cart_currency,
       {"{0} is priced in {1}, and your cart is in {2}: please check out or clear the cart first.",
        "{0} tiene precio en {1} y tu carrito está en {2}: paga o vacía el carrito primero.",
        "«{0}» продаётся в {1}, а корзина в {2}: сначала оформите или очистите корзину.",
        "{0} dihargai dalam {1}, keranjang kamu dalam {2}: checkout atau kosongkan dulu ya.",
        "{0} ka price {1} mein hai aur cart {2} mein: pehle checkout ya cart khaali kijiye."}},
      {Say::sold_out_now,
       {"Sorry, {0} has just sold out, so I took it out of your cart.",
        "Lo siento, {0} se acaba de agotar; lo quité de tu carrito.",
        "К сожалению, «{0}» только что закончился, я убрал его из корзины.",
        "Maaf, {0} baru saja habis, jadi saya hapus dari keranjangmu.",
        "Sorry, {0} abhi sold out ho gaya, isliye cart se hata diya."}},
      {Say::only_left_now,
       {"Sorry, only {1} of {0} are left now, so your cart has {1}.",
        "Lo siento, ahora solo quedan {1} de {0}; tu carrito tiene {1}.",
        "К сожалению, «{0}» осталось только {1} шт., в корзине теперь {1}.",
        "Maaf, {0} sekarang tinggal {1}, jadi keranjangmu berisi {1}.",
        "Sorry, {0} ab sirf {1} bache hain, cart mein {1} kar diye."}},
      {Say::cart_full,
       {"Your cart is as big as one order can be. Please check out, or remove something first.",
        "Tu carrito ya es tan grande como un pedido puede ser. Paga o quita algo primero.",
        "Корзина уже максимального размера для одного заказа. Оформите заказ или уберите "
        "что-нибудь.",
        "Keranjangmu sudah mencapai batas satu pesanan. Checkout atau hapus sesuatu dulu ya.",
        "Cart ek order ki limit tak bhar gaya hai. Pehle checkout kijiye ya kuch hataiye."}},
      {Say::size_unavailable,
       {"{0} doesn't come in size {1}. Available: {2}.",
        "{0} no está disponible en talla {1}. Tallas: {2}.", "{0} нет в размере {1}. Есть: {2}.",
        "{0} tidak ada ukuran {1}. Tersedia: {2}.", "{0} size {1} mein nahi hai. Available: {2}."}},
      {Say::color_unavailable,
       {"{0} doesn't come in {1}. Colours: {2}.", "{0} no viene en {1}. Colores: {2}.",
        "{0} нет в цвете «{1}». Цвета: {2}.", "{0} tidak ada warna {1}. Warna: {2}.",
        "{0} {1} colour mein nahi hai. Colours: {2}."}},
      {Say::added,
       {"Added {0} × {1} to your cart. Cart total: {2}. Say \"checkout\" when you're ready.",
        "Agregué {0} × {1} al carrito. Total: {2}. Di \"pagar\" cuando quieras.",
        "Добавил {0} × {1} в корзину. Итого: {2}. Напишите «оформить заказ», когда будете "
        "готовы.",
        "{0} × {1} masuk keranjang. Total: {2}. Bilang \"checkout\" kalau sudah siap.",
        "{0} × {1} cart mein add kar diya. Total: {2}. Ready ho to \"checkout\" likhiye."}},
      {Say::removed,
       {"Removed {0}. Cart total: {1}.", "Quité {0}. Total: {1}.", "Убрал {0}. Итого: {1}.",
        "{0} dihapus. Total: {1}.", "{0} hata diya. Total: {1}."}},
      {Say::quantity_changed,
       {"Now {0} × {1}. Cart total: {2}.", "Ahora {0} × {1}. Total: {2}.",
        "Теперь {0} × {1}. Итого: {2}.", "Sekarang {0} × {1}. Total: {2}.",
        "Ab {0} × {1}. Total: {2}."}},
      {Say::cart,
       {"Your cart:\n{0}\nTotal: {1}", "Tu carrito:\n{0}\nTotal: {1}",
        "Ваша корзина:\n{0}\nИтого: {1}", "Keranjang kakak:\n{0}\nTotal: {1}",
        "Aapka cart:\n{0}\nTotal: {1}"}},
      {Say::cart_empty,
       {"Your cart is empty.", "Tu carrito está vacío.", "Корзина пуста.",
        "Keranjang masih kosong.", "Aapka cart khaali hai."}},
      {Say::cleared,
       {"Done, your cart is empty now.", "Listo, tu carrito está vacío.", "Готово, корзина пуста.",
        "Oke, keranjang sudah dikosongkan.", "Ho gaya, cart khaali kar diya."}},
      {Say::not_in_cart,
       {"That isn't in your cart.", "Eso no está en tu carrito.", "Этого нет в корзине.",
        "Itu tidak ada di keranjang.", "Yeh cart mein nahi hai."}},
      {Say::which_line,
       {"Several items in your cart fit: {0}. Which one? Say its number.",
        "Varios productos del carrito coinciden: {0}. ¿Cuál? Dime su número.",
        "Подходят несколько товаров в корзине: {0}. Какой именно? Напишите номер.",
        "Ada beberapa barang di keranjang yang cocok: {0}. Yang mana? Sebutkan nomornya.",
        "Cart mein kai items match karte hain: {0}. Kaunsa? Number bataiye."}},
      {Say::categories,
       {"Here is what we sell:\n{0}\nName any of them, or tell me what you need it for.",
        "Esto es lo que vendemos:\n{0}\nDime cualquiera, o para qué lo necesitas.",
        "Вот что у нас есть:\n{0}\nНазовите раздел или расскажите, для чего нужно.",
        "Ini yang kami jual:\n{0}\nSebut salah satunya, atau ceritakan kebutuhannya.",
        "Hum yeh bechte hain:\n{0}\nKoi bhi naam bataiye, ya kis kaam ke liye chahiye."}},
      {Say::no_more,
       {"That was everything I found for \"{0}\".", "Eso es todo lo que encontré para \"{0}\".",
        "Больше ничего по запросу «{0}» не нашлось.", "Itu semua yang saya temukan untuk \"{0}\".",
        "\"{0}\" ke liye bas itna hi mila."}},
      {Say::clarify,
       {"Sorry, just to be sure: do you want to {0}, or to {1}?",
        "Perdona, para estar seguro: ¿quieres {0} o {1}?",
        "Уточню, чтобы не ошибиться: вы хотите {0} или {1}?",
        "Maaf, biar nggak salah: kakak mau {0}, atau {1}?",
        "Maaf kijiye, confirm kar loon: aap {0} chahte hain, ya {1}?"}},
      {Say::no_such_order,
       {"I can't find an order {0} in this chat.", "No encuentro un pedido {0} en este chat.",
        "Не нахожу заказ {0} в этом чате.", "Pesanan {0} tidak ada di chat ini.",
        "Is chat mein {0} naam ka koi order nahi mila."}},
      {Say::cancelling,
       {"Cancelling order {0}; you'll get a confirmation in a moment.",
        "Cancelo el pedido {0}; en un momento te llega la confirmación.",
        "Отменяю заказ {0}; подтверждение придёт через минуту.",
        "Pesanan {0} sedang dibatalkan; konfirmasinya sebentar lagi masuk.",
        "Order {0} cancel kar raha hoon; confirmation thodi der mein aayega."}},
      {Say::cancel_to_team,
       {"Order {0} is already paid, so I've asked the team to cancel it and refund you; they'll "
        "write to you here.",
        "El pedido {0} ya está pagado: le pedí al equipo que lo cancele y te devuelva el dinero; "
        "te escribirán aquí.",
        "Заказ {0} уже оплачен: я попросил команду отменить его и вернуть деньги, вам напишут "
        "здесь.",
        "Pesanan {0} sudah dibayar, jadi saya minta tim membatalkan dan mengembalikan dananya; "
        "mereka akan menghubungi di sini.",
        "Order {0} ki payment ho chuki hai, maine team ko cancel aur refund ke liye bol diya hai; "
        "woh yahin message karenge."}},
      {Say::already_cancelled,
       {"Order {0} is already cancelled.", "El pedido {0} ya está cancelado.",
        "Заказ {0} уже отменён.", "Pesanan {0} sudah dibatalkan.",
        "Order {0} pehle hi cancel ho chuka hai."}},
      {Say::erasure_confirm,
       {"I can erase your details and everything you wrote here, for good. Orders already "
        "placed keep their products and totals, without your name or address. Reply YES to "
        "erase, or NO to keep everything.",
        "Puedo borrar tus datos y todo lo que escribiste aquí, para siempre. Los pedidos ya "
        "hechos conservan productos e importes, sin tu nombre ni dirección. Responde SÍ para "
        "borrar o NO para conservarlo todo.",
        "Я могу навсегда удалить ваши данные и всё, что вы здесь написали. В оформленных "
        "заказах останутся товары и суммы, без имени и адреса. Ответьте ДА, чтобы удалить, или "
        "НЕТ, чтобы всё оставить.",
        "Saya bisa menghapus data Anda dan semua yang Anda tulis di sini, selamanya. Pesanan "
        "yang sudah dibuat tetap menyimpan produk dan totalnya, tanpa nama atau alamat Anda. "
        "Balas YA untuk menghapus, atau TIDAK untuk menyimpan semuanya.",
        "Main aapki details aur yahan likhi har baat hamesha ke liye mita sakta hoon. Pehle ke "
        "orders mein products aur total rahenge, naam aur address nahi. Mitane ke liye HAAN "
        "likhiye, sab rakhne ke liye NAHI."}},
      {Say::erased,
       {"Done: your details and this conversation are erased. If you write again, we start "
        "afresh.",
        "Hecho: tus datos y esta conversación están borrados. Si vuelves a escribir, empezamos "
        "de cero.",
        "Готово: ваши данные и этот разговор удалены. Если напишете снова, начнём с чистого "
        "листа.",
        "Selesai: data Anda dan percakapan ini sudah dihapus. Kalau Anda menulis lagi, kita "
        "mulai dari awal.",
        "Ho gaya: aapki details aur yeh baatcheet mita di gayi hai. Dobara likhenge to shuru se "
        "shuru karenge."}},
      {Say::erasure_kept,
       {"OK, nothing was erased.", "De acuerdo, no se ha borrado nada.",
        "Хорошо, ничего не удалено.", "Baik, tidak ada yang dihapus.",
        "Theek hai, kuch nahi mitaya gaya."}},
      {Say::ask_quantity,
       {"How many of {0} would you like?", "¿Cuántas unidades de {0} quieres?",
        "Сколько штук {0} поставить?", "Mau berapa untuk {0}?", "{0} kitne chahiye?"}},
      {Say::ask_size,
       {"Which size for {0}? Available: {1}.", "¿Qué talla para {0}? Tallas: {1}.",
        "Какой размер для {0}? Есть: {1}.", "Ukuran berapa untuk {0}? Tersedia: {1}.",
        "{0} ke liye kaunsa size? Available: {1}."}},
      {Say::ask_color,
       {"Which colour for {0}? Available: {1}.", "¿Qué color para {0}? Colores: {1}.",
        "Какой цвет для {0}? Есть: {1}.", "Warna apa untuk {0}? Tersedia: {1}.",
        "{0} ke liye kaunsa colour? Available: {1}."}},
      {Say::ask_details,
       {"To deliver your order I need your {0}. You can send them in one message.",
        "Para enviar tu pedido necesito tu {0}. Puedes mandarlo todo en un mensaje.",
        "Для доставки нужны: {0}. Можно одним сообщением.",
        "Untuk pengiriman saya perlu {0}. Boleh dikirim dalam satu pesan.",
        "Delivery ke liye {0} bhejiye. Ek hi message mein bhej sakte hain."}},
      {Say::confirm,
       {"Please confirm your order:\n{0}\nTotal: {1}\nDeliver to {2}.\nReply \"yes\" to place "
        "it or \"no\" to change something.",
        "Confirma tu pedido:\n{0}\nTotal: {1}\nEnvío a {2}.\nResponde \"sí\" para confirmar o "
        "\"no\" para cambiar algo.",
        "Подтвердите заказ:\n{0}\nИтого: {1}\nДоставка: {2}.\nОтветьте «да», чтобы оформить, "
        "или «нет», чтобы изменить.",
        "Mohon konfirmasi pesanan:\n{0}\nTotal: {1}\nKirim ke {2}.\nBalas \"ya\" untuk pesan "
        "atau \"tidak\" untuk mengubah.",
        "Order confirm kijiye:\n{0}\nTotal: {1}\nDelivery: {2}.\n\"haan\" likhiye order ke "
        "liye, ya \"nahi\" badalne ke liye."}},
      {Say::confirm_saved,
       {"Welcome back! I'll use your saved details.", "¡Hola de nuevo! Usaré tus datos guardados.",
        "С возвращением! Использую ваши сохранённые данные.",
        "Selamat datang kembali! Saya pakai data kakak yang tersimpan.",
        "Welcome back! Aapki saved details use kar raha hoon."}},
      {Say::placed,
       {"Order {0} is placed. Total {1}. We'll send payment instructions shortly. Thank you!",
        "Pedido {0} realizado. Total {1}. Te enviaremos las instrucciones de pago. ¡Gracias!",
        "Заказ {0} оформлен. Итого {1}. Скоро пришлём инструкции по оплате. Спасибо!",
        "Pesanan {0} sudah dibuat. Total {1}. Instruksi pembayaran segera dikirim. Terima kasih!",
        "Order {0} place ho gaya. Total {1}. Payment ki details jaldi bhejenge. Shukriya!"}},
      {Say::cancelled,
       {"OK, I haven't placed the order. Your cart is still here.",
        "Vale, no hice el pedido. Tu carrito sigue aquí.",
        "Хорошо, заказ не оформлен. Корзина сохранена.",
        "Oke, pesanan belum dibuat. Keranjang masih ada.",
        "Theek hai, order place nahi kiya. Cart waise hi hai."}},
      {Say::order_status,
       {"Order {0}: {1}. Total {2}.", "Pedido {0}: {1}. Total {2}.", "Заказ {0}: {1}. Итого {2}.",
        "Pesanan {0}: {1}. Total {2}.", "Order {0}: {1}. Total {2}."}},
      {Say::past_orders,
       {"Your last orders:{0}\nSay \"same as before\" to order the last one again.",
        "Tus últimos pedidos:{0}\nDi \"lo mismo que la última vez\" para repetir el último.",
        "Ваши последние заказы:{0}\nНапишите «как в прошлый раз», чтобы повторить последний.",
        "Pesanan terakhir kakak:{0}\nBilang \"pesan lagi\" untuk mengulang yang terakhir.",
        "Aapke pichhle orders:{0}\nAakhri wala dobara chahiye to \"wahi order\" likhiye."}},
      {Say::reordered,
       {"I put your order {0} back in your cart, at today's prices:\n{1}\nCart total: {2}. Say "
        "\"checkout\" when you're ready.",
        "Volví a poner tu pedido {0} en el carrito, a los precios de hoy:\n{1}\nTotal: {2}. Di "
        "\"pagar\" cuando quieras.",
        "Положил ваш заказ {0} снова в корзину, по сегодняшним ценам:\n{1}\nИтого: {2}. "
        "Напишите «оформить заказ», когда будете готовы.",
        "Pesanan {0} sudah masuk keranjang lagi, dengan harga hari ini:\n{1}\nTotal: {2}. "
        "Bilang \"checkout\" kalau sudah siap.",
        "Aapka order {0} phir se cart mein daal diya, aaj ke daam par:\n{1}\nTotal: {2}. Ready "
        "ho to \"checkout\" likhiye."}},
      {Say::reorder_missing,
       {"No longer available: {0}.", "Ya no disponible: {0}.", "Больше нет в продаже: {0}.",
        "Sudah tidak tersedia: {0}.", "Ab available nahi: {0}."}},
      {Say::reorder_nothing,
       {"Nothing from order {0} is available today, sorry. Tell me what you need and I'll look.",
        "Hoy no hay nada disponible del pedido {0}, lo siento. Dime qué necesitas y lo busco.",
        "Из заказа {0} сегодня ничего нет в наличии, простите. Напишите, что нужно, и я поищу.",
        "Maaf, tidak ada barang dari pesanan {0} yang tersedia hari ini. Mau cari apa?",
        "Sorry, order {0} ka koi item aaj available nahi. Bataiye kya chahiye, main dhoondhta "
        "hoon."}},
      {Say::welcome_back,
       {"Welcome back! Last time you ordered {0}. Say \"same as before\" to order it again.",
        "¡Qué bueno verte de nuevo! La última vez pediste {0}. Di \"lo mismo que la última "
        "vez\" para repetirlo.",
        "С возвращением! В прошлый раз вы заказывали: {0}. Напишите «как в прошлый раз», чтобы "
        "повторить.",
        "Selamat datang kembali! Terakhir kakak pesan {0}. Bilang \"pesan lagi\" untuk "
        "mengulang.",
        "Welcome back! Pichhli baar aapne {0} order kiya tha. Dobara chahiye to \"wahi order\" "
        "likhiye."}},
      {Say::bought_together,
       {"Often bought with it: {0} ({1}).", "Se suele comprar junto con: {0} ({1}).",
        "С этим часто берут: {0} ({1}).", "Sering dibeli bersama: {0} ({1}).",
        "Iske saath aksar liya jata hai: {0} ({1})."}},
      {Say::promos,
       {"Running now:{0}\nSend me the code and I'll apply it to your cart.",
        "Promociones vigentes:{0}\nEnvíame el código y lo aplico a tu carrito.",
        "Сейчас действуют:{0}\nПришлите код, и я применю его к корзине.",
        "Promo yang berlaku:{0}\nKirim kodenya, nanti saya pakai di keranjang kakak.",
        "Abhi ke offers:{0}\nCode bhejiye, main cart par laga dunga."}},
      {Say::promo_applied,
       {"Applied {0}. Cart total: {1}.", "Apliqué {0}. Total: {1}.", "Применил {0}. Итого: {1}.",
        "{0} sudah dipakai. Total: {1}.", "{0} laga diya. Total: {1}."}},
      {Say::promo_saved,
       {"I'll apply {0} to your cart once you add something.",
        "Aplicaré {0} a tu carrito cuando agregues algo.",
        "Применю {0}, когда вы что-нибудь добавите в корзину.",
        "{0} akan dipakai begitu kakak menambah barang ke keranjang.",
        "Cart mein kuch add karte hi {0} laga dunga."}},
      {Say::promo_not_covered,
       {"{0} doesn't cover anything in your cart yet; it stays applied for what it covers.",
        "{0} todavía no cubre nada de tu carrito; queda aplicado para lo que cubre.",
        "{0} пока не распространяется на товары в корзине; он останется для подходящих.",
        "{0} belum berlaku untuk isi keranjang; tetap aktif untuk barang yang termasuk.",
        "{0} abhi cart ke kisi item par nahi lagta; jin par lagta hai unke liye laga rahega."}},
      {Say::promo_unknown,
       {"I don't know the code {0}, or it has ended.", "No conozco el código {0}, o ya terminó.",
        "Код {0} не найден или уже не действует.", "Kode {0} tidak dikenal atau sudah berakhir.",
        "Code {0} nahi mila, ya khatam ho chuka hai."}},
      {Say::promo_expired,
       {"The promotion {0} has ended, so I took it off. Cart total: {1}. Reply \"yes\" to order "
        "anyway.",
        "La promoción {0} terminó y la quité. Total: {1}. Responde \"sí\" para pedir igualmente.",
        "Акция {0} закончилась, я её убрал. Итого: {1}. Ответьте «да», чтобы оформить всё равно.",
        "Promo {0} sudah berakhir, jadi saya lepas. Total: {1}. Balas \"ya\" untuk tetap pesan.",
        "Offer {0} khatam ho gaya, maine hata diya. Total: {1}. Phir bhi order karna ho to "
        "\"haan\" likhiye."}},
      {Say::no_orders,
       {"I can't find an order from you yet.", "Todavía no encuentro ningún pedido tuyo.",
        "Пока не вижу ваших заказов.", "Belum ada pesanan dari kakak.",
        "Abhi tak aapka koi order nahi mila."}},
      {Say::payment,
       {"Payment for order {0} ({1}): we'll send the payment instructions here shortly.",
        "Pago del pedido {0} ({1}): te enviaremos las instrucciones aquí.",
        "Оплата заказа {0} ({1}): скоро пришлём инструкции сюда.",
        "Pembayaran pesanan {0} ({1}): instruksi segera dikirim di sini.",
        "Order {0} ({1}) ka payment: instructions yahin bhejenge."}},
      {Say::handoff,
       {"I've asked a colleague to join; they'll reply here soon.",
        "Le pedí a un compañero que se una; te responderá aquí pronto.",
        "Я позвал коллегу, он скоро ответит здесь.",
        "Saya panggil rekan kami, sebentar lagi dibalas di sini.",
        "Maine colleague ko bulaya hai, woh jaldi yahin reply karenge."}},
      {Say::thanks,
       {"You're welcome!", "¡De nada!", "Пожалуйста!", "Sama-sama kak!", "Koi baat nahi!"}},
      {Say::goodbye,
       {"Goodbye! Come back any time.", "¡Hasta luego! Vuelve cuando quieras.",
        "До свидания! Заходите ещё.", "Sampai jumpa kak!", "Bye! Phir aaiyega."}},
      // Said when nothing the shop wrote answers it: honestly, with a person on offer.
      {Say::out_of_scope,
       {"I can't answer that from what I know about the shop. I can help you find products, "
        "manage your cart and place an order, or a person from the team can answer: just "
        "ask for a person.",
        "No puedo responder a eso con lo que sé de la tienda. Puedo ayudarte a encontrar "
        "productos, gestionar tu carrito y hacer un pedido, o puede responderte una persona del "
        "equipo: solo pide hablar con una persona.",
        "На это я не могу ответить по тому, что знаю о магазине. Я помогу найти товары, собрать "
        "корзину и оформить заказ, а на вопрос ответит сотрудник: просто попросите человека.",
        "Saya belum bisa jawab itu dari info toko yang saya punya. Saya bisa bantu cari produk, "
        "atur keranjang, dan buat pesanan, atau tim kami bisa jawab: cukup minta bicara dengan "
        "admin.",
        "Shop ki jaankari se main iska jawab nahi de sakta. Main products dhoondhne, cart aur "
        "order mein help kar sakta hoon, ya team ka koi insaan jawab dega: bas insaan se baat "
        "karne ko kahiye."}},
      {Say::knowledge_quote,
       {"From “{1}”: {0}", "Según «{1}»: {0}", "Из «{1}»: {0}", "Dari “{1}”: {0}",
        "“{1}” ke mutaabik: {0}"}},
      {Say::ok, {"OK.", "Vale.", "Хорошо.", "Oke.", "Theek hai."}},
      {Say::info,
       {"{0} — {1}. {2}", "{0} — {1}. {2}", "{0} — {1}. {2}", "{0} — {1}. {2}", "{0} — {1}. {2}"}},
      {Say::in_stock, {"in stock", "disponible", "в наличии", "tersedia", "stock mein"}},
      {Say::sold_out, {"out of stock", "agotado", "нет в наличии", "habis", "stock khatam"}},
      {Say::field_name, {"name", "nombre", "имя", "nama", "naam"}},
      {Say::field_phone, {"phone", "teléfono", "телефон", "nomor HP", "phone number"}},
      {Say::field_email, {"e-mail", "correo", "e-mail", "email", "email"}},
      {Say::field_address, {"address", "dirección", "адрес", "alamat", "address"}},
      {Say::field_city, {"city", "ciudad", "город", "kota", "city"}},
      {Say::and_word, {"and", "y", "и", "dan", "aur"}},
      {Say::unknown_command,
       {"Commands: /search text, /add SKU QTY, /remove SKU, /cart, /clear, /checkout.",
        "Comandos: /search texto, /add SKU CANT, /remove SKU, /cart, /clear, /checkout.",
        "Команды: /search текст, /add SKU КОЛ, /remove SKU, /cart, /clear, /checkout.",
        "Perintah: /search teks, /add SKU JML, /remove SKU, /cart, /clear, /checkout.",
        "Commands: /search text, /add SKU QTY, /remove SKU, /cart, /clear, /checkout."}},
      {Say::got_photo,
       {"Thanks for the photo! Could you tell me in words what you're looking for?",
        "¡Gracias por la foto! ¿Me dices con palabras qué estás buscando?",
        "Спасибо за фото! Напишите, пожалуйста, словами, что вы ищете?",
        "Makasih fotonya kak! Boleh ketik produk apa yang dicari?",
        "Photo ke liye thanks! Aap kya dhoondh rahe hain, likh kar batayenge?"}},
      {Say::got_voice,
       {"I can't listen to voice notes yet. Could you type your message?",
        "Todavía no puedo escuchar notas de voz. ¿Puedes escribirlo?",
        "Я пока не умею слушать голосовые. Напишите, пожалуйста, текстом?",
        "Maaf, saya belum bisa dengar pesan suara. Bisa diketik kak?",
        "Main abhi voice note nahi sun sakta. Type karke bhejenge?"}},
      {Say::got_location,
       {"Thanks, I've got your location. What can I find for you?",
        "Gracias, tengo tu ubicación. ¿Qué te busco?",
        "Спасибо, местоположение получил. Что для вас найти?",
        "Makasih, lokasinya sudah saya terima. Mau cari apa kak?",
        "Location mil gayi, thanks! Aapke liye kya dhoondhun?"}},
      {Say::unsupported,
       {"Sorry, I can't read that kind of message. Could you send it as text?",
        "Lo siento, no puedo leer ese tipo de mensaje. ¿Me lo envías como texto?",
        "Извините, такой тип сообщений я не читаю. Можно текстом?",
        "Maaf, jenis pesan itu belum bisa saya baca. Bisa dikirim sebagai teks?",
        "Sorry, yeh message type main padh nahi sakta. Text mein bhejenge?"}},
      {Say::slow_down,
       {"You're writing faster than I can keep up with. I've saved your messages; give me a "
        "moment.",
        "Escribes más rápido de lo que puedo seguir. Guardé tus mensajes; dame un momento.",
        "Вы пишете быстрее, чем я успеваю. Сообщения сохранены, дайте мне минуту.",
        "Kakak mengetik lebih cepat dari saya. Pesannya sudah tersimpan, tunggu sebentar ya.",
        "Aap bahut tez likh rahe hain. Messages save ho gaye, ek minute dijiye."}},
      {Say::busy,
       {"We're very busy right now. I've saved your message and will answer shortly.",
        "Ahora mismo estamos muy ocupados. Guardé tu mensaje y te respondo enseguida.",
        "Сейчас очень много обращений. Сообщение сохранено, скоро ответим.",
        "Kami sedang sangat sibuk. Pesannya tersimpan, segera kami balas.",
        "Abhi bahut rush hai. Aapka message save ho gaya, jaldi reply karenge."}},
      {Say::human_mode,
       {"{0} wrote: {1}", "{0} escribió: {1}", "{0} пишет: {1}", "{0} menulis: {1}",
        "{0} ne likha: {1}"}},
      {Say::handoff_usage,
       {"Usage: /handoff on|off|status <phone> (or <channel>:<id>, e.g. telegram:12345)",
        "Uso: /handoff on|off|status <teléfono> (o <canal>:<id>, p. ej. telegram:12345)",
        "Формат: /handoff on|off|status <телефон> (или <канал>:<id>, например telegram:12345)",
        "Cara pakai: /handoff on|off|status <nomor> (atau <kanal>:<id>, mis. telegram:12345)",
        "Aise likhiye: /handoff on|off|status <phone> (ya <channel>:<id>, jaise telegram:12345)"}},
      {Say::relay_usage,
       {"Usage: /reply <phone or channel:id> <text>, or answer an alert with your platform's "
        "reply.",
        "Uso: /reply <teléfono o canal:id> <texto>, o responde a una alerta con la función "
        "de respuesta.",
        "Формат: /reply <телефон или канал:id> <текст>, или ответьте на уведомление "
        "(«Ответить»).",
        "Cara pakai: /reply <nomor atau kanal:id> <teks>, atau balas notifikasinya langsung.",
        "Aise likhiye: /reply <phone ya channel:id> <text>, ya alert ko seedha reply kijiye."}},
      {Say::relay_sent,
       {"Sent to {0}.", "Enviado a {0}.", "Отправлено в {0}.", "Terkirim ke {0}.",
        "{0} ko bhej diya."}},
      {Say::relay_failed,
       {"Could not send to {0}: {1}.", "No se pudo enviar a {0}: {1}.",
        "Не удалось отправить в {0}: {1}.", "Gagal mengirim ke {0}: {1}.",
        "{0} ko nahi bhej paye: {1}."}},
      {Say::handoff_no_conversation,
       {"There is no conversation {0} yet.", "Todavía no hay ninguna conversación {0}.",
        "Разговора {0} пока нет.", "Belum ada percakapan {0}.",
        "{0} naam ki koi baat abhi nahi hai."}},
      {Say::handoff_failed,
       {"Could not change {0}: {1}. Try again.", "No se pudo cambiar {0}: {1}. Inténtalo de nuevo.",
        "Не удалось изменить {0}: {1}. Попробуйте ещё раз.", "Gagal mengubah {0}: {1}. Coba lagi.",
        "{0} badal nahi paye: {1}. Phir se try kijiye."}},
      {Say::handoff_bot_answers,
       {"{0}: the bot is answering.", "{0}: responde el bot.", "{0}: отвечает бот.",
        "{0}: bot yang menjawab.", "{0}: bot jawab de raha hai."}},
      {Say::handoff_human_since,
       {"{0}: human mode since {1} ({2}).", "{0}: modo humano desde {1} ({2}).",
        "{0}: режим оператора с {1} ({2}).", "{0}: mode manusia sejak {1} ({2}).",
        "{0}: {1} se human mode ({2})."}},
      {Say::handoff_on,
       {"{0}: human mode ON. The bot is silent; answer with /reply {0} <text>, or reply to its "
        "alerts.",
        "{0}: modo humano ACTIVADO. El bot calla; responde con /reply {0} <texto>, o "
        "respondiendo a sus alertas.",
        "{0}: режим оператора ВКЛЮЧЁН. Бот молчит; отвечайте: /reply {0} <текст> или "
        "ответом на уведомление.",
        "{0}: mode manusia AKTIF. Bot diam; balas dengan /reply {0} <teks>, atau balas "
        "notifikasinya.",
        "{0}: human mode ON. Bot chup hai; /reply {0} <text> se, ya alert ko reply karke jawab "
        "dijiye."}},
      {Say::handoff_off,
       {"{0}: human mode OFF. The bot answers again.",
        "{0}: modo humano DESACTIVADO. El bot vuelve a responder.",
        "{0}: режим оператора ВЫКЛЮЧЕН. Бот снова отвечает.",
        "{0}: mode manusia NONAKTIF. Bot menjawab lagi.",
        "{0}: human mode OFF. Bot phir se jawab dega."}},
      {Say::handoff_alert,
       {"Handoff: {0} asks for a person. They wrote: {1} — answer with POST "
        "/api/v1/conversations/{0}/reply; /handoff off {0} gives it back to the bot.",
        "Traspaso: {0} pide una persona. Escribió: {1} — responde con POST "
        "/api/v1/conversations/{0}/reply; /handoff off {0} se lo devuelve al bot.",
        "Передача: {0} просит человека. Написал(а): {1} — ответьте через POST "
        "/api/v1/conversations/{0}/reply; /handoff off {0} вернёт разговор боту.",
        "Alih: {0} minta dilayani orang. Tulisannya: {1} — balas lewat POST "
        "/api/v1/conversations/{0}/reply; /handoff off {0} mengembalikannya ke bot.",
        "Handoff: {0} insaan se baat karna chahte hain. Unhone likha: {1} — POST "
        "/api/v1/conversations/{0}/reply se jawab dijiye; /handoff off {0} bot ko wapas deta "
        "hai."}},
      {Say::cancel_alert,
       {"Order {2} ({3}): the shopper asks to cancel it. They wrote: {1} — answer with POST "
        "/api/v1/conversations/{0}/reply.",
        "Pedido {2} ({3}): el cliente pide cancelarlo. Escribió: {1} — responde con POST "
        "/api/v1/conversations/{0}/reply.",
        "Заказ {2} ({3}): покупатель просит отменить его. Написал(а): {1} — ответьте через POST "
        "/api/v1/conversations/{0}/reply.",
        "Pesanan {2} ({3}): pembeli minta dibatalkan. Tulisannya: {1} — balas lewat POST "
        "/api/v1/conversations/{0}/reply.",
        "Order {2} ({3}): customer ise cancel karna chahte hain. Unhone likha: {1} — POST "
        "/api/v1/conversations/{0}/reply se jawab dijiye."}},
      {Say::nudge_cart,
       {"Still thinking it over? Your cart is saved: {0}. Write \"checkout\" when you're ready, "
        "or ask me anything.",
        "¿Lo sigues pensando? Tu carrito está guardado: {0}. Escribe \"pagar\" cuando quieras, "
        "o pregúntame lo que necesites.",
        "Ещё думаете? Корзина сохранена: {0}. Напишите «оформить», когда будете готовы, или "
        "задайте вопрос.",
        "Masih menimbang? Keranjang Kakak tersimpan: {0}. Ketik \"bayar\" kalau sudah siap, "
        "atau tanya saja.",
        "Abhi soch rahe hain? Aapka cart save hai: {0}. Ready hon to \"checkout\" likhiye, ya "
        "kuch bhi poochiye."}},
      {Say::nudge_browsing,
       {"Did you find what you were looking for? Tell me what you need and I'll help.",
        "¿Encontraste lo que buscabas? Dime qué necesitas y te ayudo.",
        "Нашли то, что искали? Напишите, что нужно, и я помогу.",
        "Sudah ketemu yang dicari? Bilang saja butuhnya apa, saya bantu.",
        "Jo dhoondh rahe the mil gaya? Bataiye kya chahiye, main help karunga."}},
      {Say::nudge_last,
       {"Just checking in one last time. {0}I'm here whenever you want to continue.",
        "Una última consulta. {0}Aquí estoy cuando quieras seguir.",
        "Напоминаю в последний раз. {0}Я на связи, когда захотите продолжить.",
        "Sekadar mengingatkan terakhir kali. {0}Saya siap kapan pun Kakak mau lanjut.",
        "Bas ek last reminder. {0}Jab chahein, main yahin hoon."}},
  };
  return t;
}

}  // namespace

size_t language_column(const std::string& language) {
  if (language == "es") return 1;
  if (language == "ru") return 2;
  if (language == "id") return 3;
  if (language == "hi") return 4;
  return 0;
}

std::string fill(std::string_view text, const std::vector<std::string>& args) {
  // One pass over the text: an argument is copied, never searched again, so
  // an argument that contains "{0}" or "{1}" stays as it was written.
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

std::string say(const std::string& language, Say key, const std::vector<std::string>& args) {
  return fill(table().at(key)[language_column(language)], args);
}

std::string nudge_text(const std::string& language, uint32_t number,
                       const std::vector<domain::CartLine>& cart) {
  std::string items;
  for (size_t i = 0; i < cart.size() && i < 3; ++i)
    items += (i ? ", " : "") + std::to_string(cart[i].quantity) + " × " + cart[i].name;
  if (cart.size() > 3) items += ", …";
  if (number <= 1)
    return cart.empty() ? say(language, Say::nudge_browsing)
                        : say(language, Say::nudge_cart, {items});
  return say(language, Say::nudge_last, {cart.empty() ? "" : items + ". "});
}

std::string money(int64_t cents, const std::string& currency) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%lld.%02lld", static_cast<long long>(cents / 100),
                static_cast<long long>(cents % 100));
  return currency == "EUR" ? std::string("€") + buf : std::string(buf) + " " + currency;
}

std::string intent_phrase(const std::string& language, const std::string& intent) {
  // en, es, ru, id, hi
  static const std::map<std::string, std::array<const char*, 5>> kPhrases = {
      {"product_search",
       {"see products", "ver productos", "посмотреть товары", "lihat produk", "products dekhna"}},
      {"product_info",
       {"know more about one product", "saber más de un producto", "узнать подробнее о товаре",
        "tahu detail satu produk", "ek product ke baare mein jaanna"}},
      {"add_to_cart",
       {"add something to your cart", "añadir algo al carrito", "добавить товар в корзину",
        "tambah barang ke keranjang", "cart mein kuch daalna"}},
      {"remove_from_cart",
       {"take something out of your cart", "quitar algo del carrito", "убрать товар из корзины",
        "hapus barang dari keranjang", "cart se kuch hatana"}},
      {"update_quantity",
       {"change a quantity in your cart", "cambiar una cantidad del carrito",
        "изменить количество в корзине", "ubah jumlah di keranjang", "cart mein quantity badalna"}},
      {"view_cart",
       {"see your cart", "ver tu carrito", "посмотреть корзину", "lihat keranjang", "cart dekhna"}},
      {"clear_cart",
       {"empty your cart", "vaciar el carrito", "очистить корзину", "kosongkan keranjang",
        "cart khaali karna"}},
      {"checkout",
       {"place your order", "hacer el pedido", "оформить заказ", "checkout pesanan",
        "order place karna"}},
      {"order_status",
       {"check on an order", "saber de tu pedido", "узнать о заказе", "cek status pesanan",
        "order ka status jaanna"}},
      {"payment_link",
       {"pay for your order", "pagar tu pedido", "оплатить заказ", "bayar pesanan",
        "order ki payment karna"}},
      {"human_handoff",
       {"talk to a person", "hablar con una persona", "поговорить с человеком",
        "bicara dengan orang", "kisi insaan se baat karna"}},
      {"provide_details",
       {"give your delivery details", "darnos tus datos de envío", "указать данные для доставки",
        "kasih data pengiriman", "delivery details dena"}}};
  auto it = kPhrases.find(intent);
  if (it == kPhrases.end()) return "";
  const char* const langs[] = {"en", "es", "ru", "id", "hi"};
  for (size_t i = 0; i < 5; ++i)
    if (language == langs[i]) return it->second[i];
  return it->second[0];
}

}  // namespace parley::brain
