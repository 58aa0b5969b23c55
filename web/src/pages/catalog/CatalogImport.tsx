// CSV import: the file goes as the body (text/csv) of
// POST /api/v1/products/import; the report lists bad rows by line.
import { useState } from "preact/hooks";
import { request } from "../../api";
import { DataTable } from "../../components/DataTable";
import { ErrorBanner } from "../../components/ErrorBanner";
import { useAction } from "../../hooks/useAction";
import { t } from "../../i18n";
import type { ImportReport } from "../../types";

export function CatalogImport() {
  const [file, setFile] = useState<File | null>(null);
  const { busy, error, run } = useAction();
  const [report, setReport] = useState<ImportReport | null>(null);

  async function submit(e: Event) {
    e.preventDefault();
    if (!file) return;
    setReport(null);
    const answer = await run(() =>
      request<ImportReport>("/api/v1/products/import", { method: "POST", raw: file, contentType: "text/csv" }),
    );
    if (answer) setReport(answer);
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
            <DataTable
              label={t("import.errors")}
              name="import-errors"
              columns={[
                { head: t("import.line"), num: true, cell: (er) => er.line },
                { head: t("import.sku"), cls: "mono", cell: (er) => er.sku || "–" },
                { head: t("import.message"), cell: (er) => er.message },
              ]}
              rows={report.errors}
              rowKey={(er, i) => `${er.line}-${i}`}
            />
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
