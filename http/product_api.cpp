#include "http/product_api.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>

#include "domain/catalog_csv.hpp"
#include "domain/limits.hpp"
#include "domain/stock_sheet.hpp"
#include "events/product_codec.hpp"
#include "formats/sheet_rows.hpp"
#include "http/unreadable_file.hpp"

namespace parley::http {
namespace {

using nlohmann::json;
namespace product = domain::product;

std::string dump(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

HttpResponse outcome_error(const actors::ProductOutcome& o) {
  if (o.refused_with(product::Error::not_found)) return json_error(404, "not_found", o.message);
  if (o.storage_failed()) return json_error(503, "storage_unavailable", o.message);
  return json_error(422, o.refused ? product::to_string(*o.refused) : "invalid_product", o.message);
}

HttpResponse search(ProductApiContext& ctx, const HttpRequest& req) {
  auto q = req.query.find("q");
  if (q == req.query.end())
    return json_error(400, "missing_parameter", "'q' is required: /api/v1/products/search?q=…");
  if (q->second.size() > domain::kMaxTextBytes) return text_too_long("q");
  size_t limit = 10;
  auto l = req.query_value("limit");
  if (!l.empty()) {
    char* end = nullptr;
    long v = std::strtol(l.c_str(), &end, 10);
    if (*end != '\0' || v < 1 || v > 100)
      return json_error(400, "invalid_parameter", "'limit' must be an integer in [1, 100]");
    limit = static_cast<size_t>(v);
  }
  auto snap = ctx.catalog.snapshot();
  json results = json::array();
  for (const auto& hit : snap->index.search(q->second, limit)) {
    const auto& p = *hit.product;
    results.push_back({{"sku", p.sku},
                       {"name", p.name},
                       {"price", p.price_cents / 100.0},
                       {"currency", p.currency},
                       {"stock", p.stock},
                       {"category", p.category},
                       {"image_url", p.image_url},
                       {"score", std::round(hit.score * 1000) / 1000}});
  }
  return json_ok(dump(json{{"results", std::move(results)}}));
}

HttpResponse get_product(ProductApiContext& ctx, const HttpRequest& req) {
  auto sku = req.path_params.at("sku");
  for (auto& c : sku) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  auto snap = ctx.catalog.snapshot();
  if (const auto* p = snap->index.find(sku)) return json_ok(dump(product_json(*p)));
  return json_error(404, "not_found", "no product " + sku);
}

HttpResponse upsert(ProductApiContext& ctx, const HttpRequest& req, const std::string& path_sku) {
  if (auto denied = ctx.auth.deny(req, {Role::admin})) return *denied;
  json body = json::parse(req.body, nullptr, false);
  if (body.is_discarded() || !body.is_object())
    return json_error(400, "invalid_json", "the body must be a JSON object");
  if (!path_sku.empty()) {
    if (!body.contains("sku")) body["sku"] = path_sku;
    if (!body["sku"].is_string() || body["sku"].get<std::string>() != path_sku)
      return json_error(400, "invalid_field", "'sku' in the body differs from the path");
  }
  auto p = events::product_codec::product_from_json(body);
  if (!p) return json_error(400, "invalid_field", p.status().message());
  bool existed = ctx.catalog.snapshot()->index.find(product::normalize(*p).sku) != nullptr;
  auto o = ctx.commands.upsert(*p, "admin:" + req.method + " " + req.path);
  if (!o.ok) return outcome_error(o);
  ctx.catalog.catch_up();
  return json_ok(dump(product_json(o.product)), existed ? 200 : 201);
}

HttpResponse remove(ProductApiContext& ctx, const HttpRequest& req) {
  if (auto denied = ctx.auth.deny(req, {Role::admin})) return *denied;
  auto o = ctx.commands.remove(req.path_params.at("sku"), "admin:DELETE " + req.path);
  if (!o.ok) return outcome_error(o);
  ctx.catalog.catch_up();
  return json_ok(dump(json{{"removed", o.product.sku}}));
}

json report_json(const actors::ImportReport& report) {
  json errors = json::array();
  for (const auto& e : report.errors)
    errors.push_back({{"line", e.line}, {"sku", e.sku}, {"message", e.message}});
  return {{"rows", report.rows},
          {"changed", report.changed},
          {"unchanged", report.unchanged},
          {"errors", std::move(errors)}};
}

using Import = std::function<actors::ImportReport(const std::function<void(size_t, size_t)>&)>;

// ?progress=1: the answer is NDJSON, one {"progress":{"done","total"}} line as
// rows land (every 2% at most, and the last), then {"report":{…}}. A client
// that leaves does not stop the import: every good row still lands.
HttpResponse import_with_progress(ProductApiContext& ctx, size_t total, Import import) {
  HttpResponse out;
  out.content_type = "application/x-ndjson";
  out.headers.emplace_back("Cache-Control", "no-store");
  out.stream = [&ctx, total, import = std::move(import)](const ChunkWriter& write) {
    const auto line = [](const json& j) { return dump(j) + "\n"; };
    bool open = write(line({{"progress", {{"done", 0}, {"total", total}}}}));
    size_t last = 0;
    auto report = import([&](size_t done, size_t of) {
      if (!open || done == last || (done < of && done - last < std::max<size_t>(1, of / 50)))
        return;
      last = done;
      open = write(line({{"progress", {{"done", done}, {"total", of}}}}));
    });
    ctx.catalog.catch_up();
    if (open) write(line({{"report", report_json(report)}}));
  };
  return out;
}

// A catalog (its eleven columns) or a stock-only sheet (sku, quantity), as
// CSV or as an Excel workbook: the header row says which.
HttpResponse import_catalog(ProductApiContext& ctx, const HttpRequest& req) {
  if (auto denied = ctx.auth.deny(req, {Role::admin})) return *denied;
  const auto progress = req.query_value("progress", "0");
  if (progress != "0" && progress != "1")
    return json_error(400, "invalid_parameter", "'progress' is 0 or 1");
  auto rows = formats::sheet_rows(req.body);
  if (!rows) return unreadable_file(400, rows.error());
  Import import;
  size_t total = 0;
  if (!rows.value().empty() && domain::is_stock_header(rows.value().front())) {
    auto sheet =
        std::make_shared<const domain::StockSheet>(domain::parse_stock_records(rows.value()));
    total = sheet->rows.size();
    import = [&ctx, sheet ](const auto& on_progress) {
      return ctx.commands.import_stock(*sheet, "admin:import stock", on_progress);
  };
}
else {
  auto parsed = domain::parse_catalog_records(rows.value());
  if (!parsed.header_ok)
    return json_error(
        400, "invalid_csv",
        (parsed.errors.empty() ? std::string("bad header") : parsed.errors[0].message) +
            " (or, for stock only: sku,quantity)");
  auto shared = std::make_shared<const domain::CatalogParse>(std::move(parsed));
  total = shared->products.size();
  import = [&ctx, shared ](const auto& on_progress) {
    return ctx.commands.import(*shared, "admin:import", on_progress);
};
}  // namespace
if (progress == "1") return import_with_progress(ctx, total, std::move(import));
auto report = import(nullptr);
ctx.catalog.catch_up();
return json_ok(dump(report_json(report)));
}  // namespace parley::http

// The demo products leave the catalog, but one the shop edited is kept and
// named: its own catalog may have started from it.
HttpResponse drop_demo(ProductApiContext& ctx, const HttpRequest& req) {
  if (auto denied = ctx.auth.deny(req, {Role::admin})) return *denied;
  const auto report = ctx.commands.drop_unchanged(ctx.demo, "admin:drop-demo");
  ctx.catalog.catch_up();
  if (!report.errors.empty()) return json_error(503, "storage_unavailable", report.errors.front());
  return json_ok(dump({{"removed", report.removed}, {"kept", report.kept_changed}}));
}

}  // namespace

json product_json(const product::Product& p) {
  json j = events::product_codec::to_json(p);
  j["price"] = p.price_cents / 100.0;
  j["in_stock"] = p.stock > 0;
  return j;
}

void register_product_api(Router& router, ProductApiContext& ctx) {
  router.add("GET", "/api/v1/products/search",
             [&ctx](const HttpRequest& r) { return search(ctx, r); });
  router.add("POST", "/api/v1/products/import",
             [&ctx](const HttpRequest& r) { return import_catalog(ctx, r); });
  router.add("POST", "/api/v1/products/drop-demo",
             [&ctx](const HttpRequest& r) { return drop_demo(ctx, r); });
  router.add("POST", "/api/v1/products",
             [&ctx](const HttpRequest& r) { return upsert(ctx, r, ""); });
  router.add("GET", "/api/v1/products/{sku}",
             [&ctx](const HttpRequest& r) { return get_product(ctx, r); });
  router.add("PUT", "/api/v1/products/{sku}", [&ctx](const HttpRequest& r) {
    auto sku = r.path_params.at("sku");
    for (auto& c : sku) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return upsert(ctx, r, sku);
  });
  router.add("DELETE", "/api/v1/products/{sku}",
             [&ctx](const HttpRequest& r) { return remove(ctx, r); });
}

}  // namespace parley::http
