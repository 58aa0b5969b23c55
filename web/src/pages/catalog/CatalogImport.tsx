// CSV import: the file goes as the body (text/csv) of
// POST /api/v1/products/import; the report lists bad rows by line.
import { useState } from "preact/hooks";
import { request, toApiError } from "../../api";
import { ErrorBanner } from "../../components/ErrorBanner";
import { TableWrap } from "../../components/TableWrap";
import { t } from "../../i18n";
import type { ImportReport } from "../../types";

export function CatalogImport() {
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);

  async function submit(e: Event) {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      setReport(
        await request<ImportReport>("/api/v1/products/import", {
          method: "POST",
          raw: file,
          contentType: "text/csv",
        }),
      );
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card" aria-labelledby="import-title">
      <h2 id="import-title">{t("import.title")}</h2>
      <p class="muted small">{t("import.help")}</p>
      <form class="inline-form" onSubmit={submit}>
        <label for="import-file">{t("import.file")}</label>
        <input
          id="import-file"
          type="file"
          accept=".csv,text/csv"
          required
          onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
        />
        <button type="submit" disabled={busy || !file}>
          {busy ? t("import.importing") : t("import.submit")}
        </button>
      </form>
      <ErrorBanner message={error} />
      {report ? (
        <div class="import-report" data-import-report>
          <p role="status">
            {t("import.summary", report.rows, report.changed, report.unchanged, report.errors.length)}
          </p>
          {report.errors.length ? (
            <TableWrap label={t("import.errors")}>
              <table data-table="import-errors">
                <thead>
                  <tr>
                    <th scope="col" class="num">{t("import.line")}</th>
                    <th scope="col">{t("import.sku")}</th>
                    <th scope="col">{t("import.message")}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.errors.map((er, i) => (
                    <tr key={`${er.line}-${i}`}>
                      <td class="num">{er.line}</td>
                      <td class="mono">{er.sku || "–"}</td>
                      <td>{er.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
