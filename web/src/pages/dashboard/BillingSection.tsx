// LLM cost per day: a chart, the days as a table, and the totals.
import { useMemo } from "preact/hooks";
import { withQuery } from "../../api";
import { CsvLink } from "../../components/CsvLink";
import { ErrorBanner } from "../../components/ErrorBanner";
import { LineChart } from "../../components/LineChart";
import { Loading } from "../../components/Loading";
import { SectionHeader } from "../../components/SectionHeader";
import { TableWrap } from "../../components/TableWrap";
import { addDays, formatInt, formatUsd } from "../../format";
import { useFetch } from "../../hooks/useFetch";
import { t } from "../../i18n";
import type { Billing, BillingDay } from "../../types";
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
        <TableWrap label={t("billing.table")}>
          <table data-table="billing-days">
            <thead>
              <tr>
                <th scope="col">{t("billing.day")}</th>
                <th scope="col" class="num">{t("billing.calls")}</th>
                <th scope="col" class="num">{t("billing.input_tokens")}</th>
                <th scope="col" class="num">{t("billing.output_tokens")}</th>
                <th scope="col" class="num">{t("billing.cost_usd")}</th>
              </tr>
            </thead>
            <tbody>
              {days.length === 0 ? (
                <tr>
                  <td colSpan={5} class="empty">{t("billing.empty")}</td>
                </tr>
              ) : (
                days.map((d) => (
                  <tr key={d.day} data-day={d.day}>
                    <td class="nowrap">{d.day}</td>
                    <td class="num">{formatInt(d.calls)}</td>
                    <td class="num">{formatInt(d.input_tokens)}</td>
                    <td class="num">{formatInt(d.output_tokens)}</td>
                    <td class="num">{formatUsd(d.cost_usd)}</td>
                  </tr>
                ))
              )}
            </tbody>
            {totals ? (
              <tfoot>
                <tr>
                  <th scope="row">{t("billing.total")}</th>
                  <td class="num" data-total="calls" data-value={totals.calls}>{formatInt(totals.calls)}</td>
                  <td class="num" data-total="input_tokens" data-value={totals.input_tokens}>{formatInt(totals.input_tokens)}</td>
                  <td class="num" data-total="output_tokens" data-value={totals.output_tokens}>{formatInt(totals.output_tokens)}</td>
                  <td class="num" data-total="cost_usd" data-value={totals.cost_usd}>{formatUsd(totals.cost_usd)}</td>
                </tr>
              </tfoot>
            ) : null}
          </table>
        </TableWrap>
      ) : null}
      {totals ? (
        <p class="muted small">
          {t("billing.failed")}: <span data-total="failed" data-value={totals.failed}>{formatInt(totals.failed)}</span>
        </p>
      ) : null}
    </section>
  );
}
