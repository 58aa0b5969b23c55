// The one thread that makes invoice PDFs. Callers (the order worker, the
// HTTP edge) hand it an order and get a future; rendering never happens on
// the caller's thread, so neither HTTP workers nor CAF scheduler threads
// spend time in Pango and cairo.
//
// A rendered invoice is stored as <dir>/<invoice id>.pdf (written to a
// temporary name and renamed) and read back on later requests: an invoice
// is issued once, after payment, so its content does not change. With a
// FileSeal the stored file is sealed with the customer's key, so a forgotten
// customer's invoice no longer opens and is drawn again from the (erased) order.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "domain/order.hpp"
#include "payments/invoice_pdf.hpp"

namespace parley::payments {

struct RenderedInvoice {
  bool ok = false;
  std::string bytes;
  std::string error;
  bool from_store = false;  // read back, not drawn now
};

// How stored PDFs are kept at rest (privacy/customer_keys.hpp). `seal` gives
// the bytes to store for a conversation's order, nullopt to store nothing;
// `open` the PDF of stored bytes, nullopt when they no longer open.
struct FileSeal {
  std::function<std::optional<std::string>(const std::string& conversation_id,
                                           const std::string& pdf)>
      seal;
  std::function<std::optional<std::string>(const std::string& stored)> open;
};

class InvoiceRenderer {
 public:
  // `dir` "" keeps nothing on disk; without `seal` files are kept as drawn.
  InvoiceRenderer(ShopDetails shop, std::string dir, FileSeal seal = {});
  ~InvoiceRenderer();  // finishes queued work, then stops
  InvoiceRenderer(const InvoiceRenderer&) = delete;
  InvoiceRenderer& operator=(const InvoiceRenderer&) = delete;

  std::future<RenderedInvoice> pdf(domain::order::State state);
  // True on the renderer's own thread (for assertions and tests).
  bool on_renderer_thread() const { return std::this_thread::get_id() == thread_.get_id(); }
  uint64_t drawn() const;  // PDFs drawn (not read back) since start
  const ShopDetails& shop() const { return shop_; }

 private:
  struct Job {
    domain::order::State state;
    std::promise<RenderedInvoice> done;
  };
  void loop();
  RenderedInvoice make(const domain::order::State& state);

  const ShopDetails shop_;
  const std::string dir_;
  const FileSeal seal_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Job> jobs_;
  bool stopping_ = false;
  uint64_t drawn_ = 0;
  std::thread thread_;
};

}  // namespace parley::payments
