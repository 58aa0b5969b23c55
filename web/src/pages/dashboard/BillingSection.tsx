// LLM cost per day: a chart, the days as a table, and the totals.
import { useMemo } from "preact/hooks";
import { withQuery } from "../../api";
import { CsvLink } from "../../components/CsvLink";
import { DataTable, type FootRow } from "../../components/DataTable";
import { ErrorBanner } from "../../components/ErrorBanner";
import { LineChart } from "../../components/LineChart";
import { Loading } from "../../components/Loading";
import { SectionHeader } from "../../components/SectionHeader";
import { addDays, formatInt, formatUsd } from "../../format";
import { useFetch } from "../../hooks/useFetch";
import { t } from "../../i18n";
import type { Billing, BillingDay, BillingTotals } from "../../types";
import { filterParams, type Filters } from "./filters";

const PATH = "/api/v1/analytics/billing";
const MAX_FILLED_DAYS = 1000;

// Every day of the range, 0 where nothing was used (for the chart).
function series(days: BillingDay[], from: string, to: string) {
  const cost = new Map(days.map((d) => [d.day, d.cost_usd]));
  const xs: string[] = [];
  for (let d = from; d <= to && xs.length < MAX_FILLED_DAYS; d = addDays(d, 1)) xs.push(d);
  if (xs.length >= MAX_FILLED_DAYS) return { xs: days.map((d) => d.day), ys: days.map((d) => d.cost_usd) };
  return { xs, ys: xs.map((d) => cost.get(d) ?? 0) };
}

function totalRow(totals: BillingTotals): FootRow {
  const cell = (key: keyof BillingTotals, format: (n: number) => string) => ({
    value: format(totals[key]),
    attrs: { "data-total": key, "data-value": totals[key] },
  });
  return {
    label: t("billing.total"),
    cells: [
      cell("calls", formatInt),
      cell("input_tokens", formatInt),
      cell("output_tokens", formatInt),
      cell("cost_usd", formatUsd),
    ],
  };
}

export function BillingSection({ filters }: { filters: Filters }) {
  const params = filterParams(filters);
  const { data, error, loading } = useFetch<Billing>(withQuery(PATH, params));
  const days = data?.by_day ?? [];
  const chart = useMemo(() => series(days, filters.from, filters.to), [data, filters.from, filters.to]);
  const totals = data?.totals;

  return (
    <section class="card dash-section" aria-labelledby="billing-title">
      <SectionHeader id="billing-title" title={t("billing.title")}>
        <CsvLink path={PATH} params={{ ...params, table: "days" }} what={t("billing.title")} />
      </SectionHeader>
      <ErrorBanner message={error?.message} />
      <div class="chart-slot">
        {data ? (
          <LineChart
            days={chart.xs}
            values={chart.ys}
            label={t("billing.chart")}
            seriesLabel={t("billing.cost_usd")}
            xLabel={t("billing.day")}
            format={formatUsd}
          />
        ) : loading ? (
          <Loading />
        ) : null}
      </div>
      {data ? (
        <DataTable
          label={t("billing.table")}
          name="billing-days"
          columns={[
            { head: t("billing.day"), cls: "nowrap", cell: (d) => d.day },
            { head: t("billing.calls"), num: true, cell: (d) => formatInt(d.calls) },
            { head: t("billing.input_tokens"), num: true, cell: (d) => formatInt(d.input_tokens) },
            { head: t("billing.output_tokens"), num: true, cell: (d) => formatInt(d.output_tokens) },
            { head: t("billing.cost_usd"), num: true, cell: (d) => formatUsd(d.cost_usd) },
          ]}
          rows={days}
          rowKey={(d) => d.day}
          rowAttrs={(d) => ({ "data-day": d.day })}
          empty={t("billing.empty")}
          foot={totals ? totalRow(totals) : undefined}
        />
      ) : null}
      {totals ? (
        <p class="muted small">
          {t("billing.failed")}: <span data-total="failed" data-value={totals.failed}>{formatInt(totals.failed)}</span>
        </p>
      ) : null}
    </section>
  );
}
