// The funnel by day: a chart of the stages per day (the filter's channels
// summed), and the API's rows by day × channel as a table, newest day first.
import { useEffect, useMemo, useState } from "preact/hooks";
import { CsvLink } from "../../components/CsvLink";
import { DataTable, type Column, type FootRow } from "../../components/DataTable";
import { FetchState } from "../../components/FetchState";
import { Loading } from "../../components/Loading";
import { SectionHeader } from "../../components/SectionHeader";
import { formatInt } from "../../format";
import type { Fetched } from "../../hooks/useFetch";
import { language, t } from "../../i18n";
import { funnelStageLabel } from "../../labels";
import type { Filters } from "./filters";
import { LineChart } from "../../components/LineChart";
import { daySeries, type FunnelAnswer, type FunnelDay } from "./usage";

const CHARTED = ["conversations", "searches", "carts", "checkouts", "orders"] as const;
// The table's counts, in the order of the server's CSV.
const COUNTS = ["conversations", "searches", "zero_result_searches", "carts", "checkouts", "orders"] as const;
const PAGE_SIZE = 60;

interface Props {
  fetched: Fetched<FunnelAnswer>;
  filters: Filters;
  path: string;
  params: Record<string, string>;
}

// Built at render: the words follow the signed-in user's language.
function columnsOf(): Column<FunnelDay>[] {
  return [
    { head: t("billing.day"), rowHeader: true, cls: "nowrap", cell: (d) => d.day },
    { head: t("dashboard.channel"), cell: (d) => d.channel || "–" },
    ...COUNTS.map((s) => ({
      head: funnelStageLabel(s),
      num: true,
      cell: (d: FunnelDay) => formatInt(d[s]),
      attrs: (d: FunnelDay) => ({ "data-stage": s, "data-value": d[s] }),
    })),
  ];
}

// The API's totals (the same rows summed); data-sum, as the other sums here.
function totalRow(totals: Record<string, number> | undefined): FootRow {
  return {
    label: t("billing.total"),
    span: 2,
    cells: COUNTS.map((s) => ({ value: formatInt(totals?.[s]), attrs: { "data-sum": s, "data-value": totals?.[s] } })),
  };
}

function newestFirst(rows: FunnelDay[]): FunnelDay[] {
  return [...rows].sort((a, b) => (a.day === b.day ? String(a.channel).localeCompare(String(b.channel)) : a.day < b.day ? 1 : -1));
}

export function FunnelDays({ fetched, filters, path, params }: Props) {
  const { data, loading } = fetched;
  const rows = useMemo(() => (Array.isArray(data?.days) ? data.days : []), [data]);
  const chart = useMemo(() => daySeries(rows, CHARTED, filters.from, filters.to), [rows, filters.from, filters.to]);
  const series = useMemo(() => CHARTED.map((s) => ({ label: funnelStageLabel(s), values: chart.values[s] })), [chart, language()]);
  const sorted = useMemo(() => newestFirst(rows), [rows]);
  const [shown, setShown] = useState(PAGE_SIZE);
  useEffect(() => setShown(PAGE_SIZE), [rows]);
  const page = sorted.slice(0, shown);
  const title = t("dashboard.funnel_days_title");

  return (
    <section class="card dash-section" aria-labelledby="funnel-days-title" data-section="funnel-days" aria-busy={loading}>
      <SectionHeader id="funnel-days-title" title={title}>
        <CsvLink path={path} params={params} what={title} />
      </SectionHeader>
      <div class="chart-slot dash-chart-slot dash-chart-slot-tall">
        {data ? (
          <LineChart
            days={chart.days}
            series={series}
            label={t("dashboard.funnel_chart")}
            xLabel={t("billing.day")}
            format={formatInt}
          />
        ) : loading ? (
          <Loading />
        ) : null}
      </div>
      <FetchState of={fetched} empty={rows.length === 0} emptyText={t("dashboard.funnel_days_empty")} banner={false} />
      {rows.length ? (
        <>
          <p class="muted small" data-funnel-shown={page.length} data-funnel-rows={rows.length}>
            {t("dashboard.showing", page.length, rows.length)}
          </p>
          <DataTable
            label={title}
            name="funnel-days"
            columns={columnsOf()}
            rows={page}
            rowKey={(d) => `${d.day}/${d.channel}`}
            rowAttrs={(d) => ({ "data-day": d.day, "data-channel": d.channel })}
            foot={totalRow(data?.totals)}
          />
          {rows.length > page.length ? (
            <button type="button" class="button-secondary" data-action="more-funnel-days" onClick={() => setShown((n) => n + PAGE_SIZE)}>
              {t("dashboard.show_more", Math.min(PAGE_SIZE, rows.length - page.length))}
            </button>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
