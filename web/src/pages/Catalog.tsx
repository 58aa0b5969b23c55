// The catalog: search as the shoppers' search ranks it, edit a product's
// price and stock, import a CSV.
import { useState } from "preact/hooks";
import { request, toApiError, withQuery } from "../api";
import { ErrorBanner } from "../components/ErrorBanner";
import { Loading } from "../components/Loading";
import { TableWrap } from "../components/TableWrap";
import { t } from "../i18n";
import type { SearchHit } from "../types";
import { CatalogImport } from "./catalog/CatalogImport";
import { ProductRow } from "./catalog/ProductRow";

export function Catalog() {
  const [q, setQ] = useState("");
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [searched, setSearched] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function search(e: Event) {
    e.preventDefault();
    const query = q.trim();
    if (!query) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await request<{ results: SearchHit[] }>(
        withQuery("/api/v1/products/search", { q: query, limit: 50 }),
      );
      setHits(answer.results ?? []);
      setSearched(query);
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  }

  function replace(next: SearchHit) {
    setHits((old) => old?.map((h) => (h.sku === next.sku ? { ...h, ...next } : h)) ?? null);
  }

  return (
    <section class="page" aria-labelledby="catalog-title">
      <h1 id="catalog-title">{t("catalog.title")}</h1>
      <form class="inline-form search-form" role="search" onSubmit={search}>
        <label for="catalog-q">{t("catalog.search_label")}</label>
        <input
          id="catalog-q"
          type="search"
          value={q}
          placeholder={t("catalog.search_placeholder")}
          onInput={(e) => setQ(e.currentTarget.value)}
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
          <TableWrap label={t("catalog.results")}>
            <table data-table="products">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{t("catalog.name")}</th>
                  <th scope="col">{t("catalog.sku")}</th>
                  <th scope="col" class="num">{t("catalog.price")}</th>
                  <th scope="col" class="num">{t("catalog.stock")}</th>
                  <th scope="col" class="num">{t("catalog.score")}</th>
                  <th scope="col">
                    <span class="visually-hidden">{t("catalog.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {hits.map((h, i) => (
                  <ProductRow key={h.sku} rank={i + 1} hit={h} onSaved={replace} />
                ))}
              </tbody>
            </table>
          </TableWrap>
        ) : null}
      </div>
      <CatalogImport />
    </section>
  );
}
