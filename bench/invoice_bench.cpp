// Invoice PDFs: how long the renderer's thread spends on one, for an order
// of 1, 10 and 50 lines, with Latin, Cyrillic and Devanagari text.
// docs/BENCHMARKS.md, "Invoice PDFs".
#include <benchmark/benchmark.h>

#include "payments/invoice_pdf.hpp"

namespace {

using namespace parley;

domain::order::State invoiced(int lines) {
  namespace order = domain::order;
  order::Order o;
  o.order_id = "ORD-BENCH-1";
  o.customer = {"Анна Петрова / राहुल शर्मा", "+79001234567", "anna@example.com", "ул. Ленина, 1",
                "Москва"};
  const char* names[] = {"Wood screws 4 x 40 mm", "Шурупы по дереву", "हिंदी पुस्तक शिक्षा"};
  for (int i = 0; i < lines; ++i) {
    domain::CartLine l;
    l.sku = "SKU-" + std::to_string(i);
    l.name = names[i % 3];
    l.quantity = 1 + i % 4;
    l.unit_price_cents = 990 + 100 * i;
    o.lines.push_back(l);
    o.total_cents += l.total_cents();
  }
  order::State s = order::evolve({}, order::OrderPlaced{o});
  s = order::evolve(s, order::PaymentConfirmed{"stripe", "pi_1", o.total_cents, "EUR", "webhook",
                                               "", 1795300000000000});
  return order::evolve(
      s, order::decide(s, order::IssueInvoice{1, 1795300000000000, 2000}).value().front());
}

void BM_RenderInvoice(benchmark::State& state) {
  const auto order = invoiced(static_cast<int>(state.range(0)));
  const payments::ShopDetails shop;
  size_t bytes = 0;
  for (auto _ : state) {
    std::string error;
    auto pdf = payments::render_invoice_pdf(shop, order, &error);
    if (pdf.empty()) state.SkipWithError(error.c_str());
    bytes = pdf.size();
    benchmark::DoNotOptimize(pdf);
  }
  state.counters["pdf_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_RenderInvoice)->Arg(1)->Arg(10)->Arg(50)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
