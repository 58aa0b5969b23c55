// CSV import: the file goes as the body (text/csv) of
// POST /api/v1/products/import?progress=1; a progress bar follows the rows as
// they are stored, then the report lists bad rows by line.
import { useState } from "preact/hooks";
import { requestLines } from "../../api";
import { DataTable } from "../../components/DataTable";
import { ErrorBanner } from "../../components/ErrorBanner";
import { useAction } from "../../hooks/useAction";
import { formatInt } from "../../format";
import { t } from "../../i18n";
import type { ImportReport } from "../../types";

interface Progress {
  done: number;
  total: number;
}

type ImportLine = { progress?: Progress; report?: ImportReport };

function ImportProgress({ progress }: { progress: Progress | null }) {
  const label = progress ? t("import.progress_rows", formatInt(progress.done), formatInt(progress.total)) : t("import.checking");
  return (
    <div class="import-progress" data-import-progress={progress ? `${progress.done}/${progress.total}` : ""}>
      <progress
        aria-label={t("import.progress")}
        value={progress ? progress.done : undefined}
        max={progress ? Math.max(progress.total, 1) : undefined}
      />
      <span role="status" class="muted small">
        {label}
      </span>
    </div>
  );
}

export function CatalogImport() {
  const [file, setFile] = useState<File | null>(null);
  const { busy, error, setError, run } = useAction();
  const [progress, setProgress] = useState<Progress | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);

  async function submit(e: Event) {
    e.preventDefault();
    if (!file) return;
    setReport(null);
    setProgress(null);
    let reported = false;
    const finished = await run(async () => {
      await requestLines(
        "/api/v1/products/import?progress=1",
        { method: "POST", raw: file, contentType: "text/csv" },
        (line) => {
          const l = line as ImportLine | null;
          if (l?.progress) setProgress(l.progress);
          if (l?.report) {
            reported = true;
            setReport(l.report);
          }
        },
      );
      return true;
    });
    // The answer ended before its report: say so, and how to finish.
    if (finished && !reported) setError(t("import.no_report"));
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
      {busy || progress ? <ImportProgress progress={progress} /> : null}
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
