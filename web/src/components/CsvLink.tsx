import { withQuery } from "../api";
import { t } from "../i18n";

interface Props {
  path: string;
  params: Record<string, string | number | undefined | null>;
  what: string; // what the file holds, for screen readers
}

// The same list as CSV: the session cookie authenticates the download.
export function CsvLink({ path, params, what }: Props) {
  return (
    <a
      class="csv-link"
      href={withQuery(path, { ...params, format: "csv" })}
      download
      aria-label={t("common.csv_of", what)}
    >
      {t("common.csv")}
    </a>
  );
}
