// LLM cost per day: a chart, the days as a table with the totals, the tokens
// per day as a chart; then the use by provider, model and agent (BillingBreakdown).
import { useMemo } from "preact/hooks";
import { withQuery } from "../../api";
import { CsvLink } from "../../components/CsvLink";
import { DataTable, type FootRow } from "../../components/DataTable";
import { ErrorBanner } from "../../components/ErrorBanner";
import { LineChart } from "../../components/LineChart";
import { Loading } from "../../components/Loading";
import { SectionHeader } from "../../components/SectionHeader";
import { formatInt, formatUsd } from "../../format";
import { useFetch } from "../../hooks/useFetch";
import { language, t } from "../../i18n";
import type { BillingDay, BillingTotals } from "../../types";
import { BillingBreakdown } from "./BillingBreakdown";
import { sectionError } from "./errors";
import { filterParams, type Filters } from "./filters";
import { daySeries, type BillingAnswer } from "./usage";

const PATH = "/api/v1/analytics/billing";
const CHARTED = ["cost_usd", "input_tokens", "output_tokens"] as const;

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
  const fetched = useFetch<BillingAnswer>(withQuery(PATH, params));
  const { data, loading } = fetched;
  const days: BillingDay[] = Array.isArray(data?.by_day) ? data.by_day : [];
  // Every day of the range, 0 where nothing was used.
  const chart = useMemo(() => daySeries(days, CHARTED, filters.from, filters.to), [data, filters.from, filters.to]);
  const cost = useMemo(() => [{ label: t("billing.cost_usd"), values: chart.values.cost_usd }], [chart, language()]);
  const tokens = useMemo(
    () => [
      { label: t("billing.input_tokens"), values: chart.values.input_tokens },
      { label: t("billing.output_tokens"), values: chart.values.output_tokens },
    ],
    [chart, language()],
  );
  const totals = data?.totals;

  return (
    <>
      <section class="card dash-section" aria-labelledby="billing-title" data-section="billing" aria-busy={loading}>
        <SectionHeader id="billing-title" title={t("billing.title")}>
          <CsvLink path={PATH} params={{ ...params, table: "days" }} what={t("billing.title")} />
        </SectionHeader>
        <ErrorBanner message={sectionError(fetched.error)} />
        <div class="chart-slot">
          {data ? (
            <LineChart
              days={chart.days}
              series={cost}
              label={t("billing.chart")}
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
        <div class="dash-sub" role="group" aria-labelledby="tokens-title">
          <h3 id="tokens-title">{t("dashboard.tokens_title")}</h3>
          <div class="chart-slot dash-chart-slot">
            {data ? (
              <LineChart
                days={chart.days}
                series={tokens}
                label={t("dashboard.tokens_chart")}
                xLabel={t("billing.day")}
                format={formatInt}
              />
            ) : loading ? (
              <Loading />
            ) : null}
          </div>
        </div>
      </section>
      <BillingBreakdown fetched={fetched} />
    </>
  );
}
