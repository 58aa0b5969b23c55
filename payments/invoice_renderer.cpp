#include "payments/invoice_renderer.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace parley::payments {

namespace fs = std::filesystem;

InvoiceRenderer::InvoiceRenderer(ShopDetails shop, std::string dir, FileSeal seal)
    : shop_(std::move(shop)), dir_(std::move(dir)), seal_(std::move(seal)) {
  thread_ = std::thread([this] { loop(); });
}

InvoiceRenderer::~InvoiceRenderer() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

std::future<RenderedInvoice> InvoiceRenderer::pdf(domain::order::State state) {
  Job job{std::move(state), {}};
  auto future = job.done.get_future();
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stopping_) {
      RenderedInvoice r;
      r.error = "the invoice renderer is stopping";
      job.done.set_value(std::move(r));
      return future;
    }
    jobs_.push_back(std::move(job));
  }
  cv_.notify_one();
  return future;
}

uint64_t InvoiceRenderer::drawn() const {
  std::lock_guard<std::mutex> lock(mu_);
  return drawn_;
}

void InvoiceRenderer::loop() {
  for (;;) {
    Job job;
    {
      std::unique_lock<std::mutex> lock(mu_);
      cv_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
      if (jobs_.empty()) return;  // stopping, and everything queued is done
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    job.done.set_value(make(job.state));
  }
}

RenderedInvoice InvoiceRenderer::make(const domain::order::State& state) {
  RenderedInvoice r;
  if (!state.invoice) {
    r.error = "the order has no invoice";
    return r;
  }
  const fs::path path =
      dir_.empty() ? fs::path() : fs::path(dir_) / (state.invoice->invoice_id + ".pdf");
  if (!dir_.empty()) {
    std::ifstream in(path, std::ios::binary);
    if (in) {
      std::ostringstream bytes;
      bytes << in.rdbuf();
      r.bytes = bytes.str();
      if (seal_.open) r.bytes = seal_.open(r.bytes).value_or("");
      if (r.bytes.rfind("%PDF", 0) == 0) {
        r.ok = true;
        r.from_store = true;
        return r;
      }
    }
  }
  r.bytes = render_invoice_pdf(shop_, state, &r.error);
  if (r.bytes.empty()) return r;
  r.ok = true;
  {
    std::lock_guard<std::mutex> lock(mu_);
    ++drawn_;
  }
  std::optional<std::string> stored = r.bytes;
  if (seal_.seal) stored = seal_.seal(state.order.conversation_id, r.bytes);
  if (!dir_.empty() && stored) {  // best effort: a failed write only costs a redraw later
    std::error_code ec;
    fs::create_directories(dir_, ec);
    const fs::path tmp = path.string() + ".tmp";
    {
      std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
      out.write(stored->data(), static_cast<std::streamsize>(stored->size()));
      if (!out) return r;
    }
    fs::rename(tmp, path, ec);
    if (ec)
      std::fprintf(stderr, "parley: cannot store %s: %s\n", path.c_str(), ec.message().c_str());
  }
  return r;
}

}  // namespace parley::payments
