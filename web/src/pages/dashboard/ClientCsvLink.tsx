// A table the console computed itself, as a CSV download (a Blob, no request):
// written as the server writes its CSV (RFC 4180, CRLF, formula-safe text).
import { useEffect, useMemo } from "preact/hooks";
import { t } from "../../i18n";

// A text cell beginning with = + - @ tab or CR gets a leading ' (so no
// spreadsheet runs it); a cell with a comma, quote or line break is quoted.
function cell(v: unknown): string {
  if (v === null || v === undefined) return "";
  let s = String(v);
  if (typeof v === "string" && s !== "" && "=+-@\t\r".includes(s[0])) s = "'" + s;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv<T extends object>(columns: readonly string[], rows: readonly T[]): string {
  const at = (r: T, c: string) => (r as Record<string, unknown>)[c];
  const lines = [columns.join(","), ...rows.map((r) => columns.map((c) => cell(at(r, c))).join(","))];
  return lines.map((l) => l + "\r\n").join("");
}

interface Props<T> {
  name: string; // the file's name, without ".csv"
  columns: readonly string[]; // the rows' fields, in order; the header row
  rows: readonly T[];
  what: string; // what the file holds, for screen readers
}

// Looks and reads as components/CsvLink; data-csv names the file for tests.
export function ClientCsvLink<T extends object>({ name, columns, rows, what }: Props<T>) {
  const csv = useMemo(() => toCsv(columns, rows), [columns, rows]);
  const href = useMemo(() => URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" })), [csv]);
  useEffect(() => () => URL.revokeObjectURL(href), [href]);
  return (
    <a class="csv-link" href={href} download={`${name}.csv`} data-csv={name} aria-label={t("common.csv_of", what)}>
      {t("common.csv")}
    </a>
  );
}
