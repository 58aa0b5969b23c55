// The catalog: search as the shoppers' search ranks it, edit a product's
// price and stock, import a CSV.
import { useState } from "preact/hooks";
import { request, withQuery } from "../api";
import { DataTable, type Column } from "../components/DataTable";
import { ErrorBanner } from "../components/ErrorBanner";
import { LabeledInput } from "../components/Field";
import { Loading } from "../components/Loading";
import { Page } from "../components/Page";
import { useAction } from "../hooks/useAction";
import { t } from "../i18n";
import type { SearchHit } from "../types";
import { CatalogImport } from "./catalog/CatalogImport";
import { ProductRow } from "./catalog/ProductRow";
import type { Answer } from "../openapi";

// The headers; the rows are ProductRow's (in the user's language: built at render).
const columns = (): Column<SearchHit>[] => [
  { head: "#" },
  { head: t("catalog.name") },
  { head: t("catalog.sku") },
  { head: t("catalog.price"), num: true },
  { head: t("catalog.stock"), num: true },
  { head: t("catalog.score"), num: true },
  { head: <span class="visually-hidden">{t("catalog.actions")}</span> },
];

export function Catalog() {
  const [q, setQ] = useState("");
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [searched, setSearched] = useState("");
  const { busy, error, run } = useAction();

  async function search(e: Event) {
    e.preventDefault();
    const query = q.trim();
    if (!query) return;
    const answer = await run(() =>
      request<Answer<"/api/v1/products/search">>(withQuery("/api/v1/products/search", { q: query, limit: 50 })),
    );
    if (!answer) return;
    setHits(answer.results ?? []);
    setSearched(query);
  }

  function replace(next: SearchHit) {
    setHits((old) => old?.map((h) => (h.sku === next.sku ? { ...h, ...next } : h)) ?? null);
  }

  return (
    <Page name="catalog" title={t("catalog.title")}>
      <form class="inline-form search-form" role="search" onSubmit={search}>
        <LabeledInput
          id="catalog-q"
          label={t("catalog.search_label")}
          type="search"
          value={q}
          placeholder={t("catalog.search_placeholder")}
          onValue={setQ}
        />
        <button type="submit" disabled={busy}>
          {t("catalog.search")}
        </button>
      </form>
      <ErrorBanner message={error} />
      <div class="results-slot">
        {busy && !hits ? <Loading /> : null}
        {hits && hits.length === 0 ? <p class="empty">{t("catalog.no_results", searched)}</p> : null}
        {hits && hits.length > 0 ? (
          <DataTable
            label={t("catalog.results")}
            name="products"
            columns={columns()}
            rows={hits}
            rowKey={(h) => h.sku}
            renderRow={(h, i) => <ProductRow rank={i + 1} hit={h} onSaved={replace} />}
          />
        ) : null}
      </div>
      <CatalogImport />
    </Page>
  );
}
