// The funnel's totals, the funnel by day and channel (FunnelDays), and the
// searches that found nothing: three sections from one answer.
import { withQuery } from "../../api";
import { CsvLink } from "../../components/CsvLink";
import { DataTable } from "../../components/DataTable";
import { ErrorBanner } from "../../components/ErrorBanner";
import { FetchState } from "../../components/FetchState";
import { Loading } from "../../components/Loading";
import { SectionHeader } from "../../components/SectionHeader";
import { formatInt } from "../../format";
import { useFetch } from "../../hooks/useFetch";
import { t } from "../../i18n";
import { funnelStageLabel } from "../../labels";
import { sectionError } from "./errors";
import { filterParams, type Filters } from "./filters";
import { FunnelDays } from "./FunnelDays";
import type { FunnelAnswer } from "./usage";

const PATH = "/api/v1/analytics/funnel";
const DEFAULT_STAGES = ["conversations", "searches", "carts", "checkouts", "orders"];

export function FunnelSection({ filters }: { filters: Filters }) {
  const params = filterParams(filters);
  const funnel = useFetch<FunnelAnswer>(withQuery(PATH, params));
  const data = funnel.data;
  const stages = [...(data?.stages?.length ? data.stages : DEFAULT_STAGES), "zero_result_searches"];
  const zero = data?.zero_result_searches ?? [];

  return (
    <>
      <section class="card dash-section" aria-labelledby="funnel-title" data-section="funnel" aria-busy={funnel.loading}>
        <SectionHeader id="funnel-title" title={t("funnel.title")}>
          <CsvLink path={PATH} params={params} what={t("funnel.title")} />
        </SectionHeader>
        <ErrorBanner message={sectionError(funnel.error)} />
        {funnel.loading && !data ? <Loading /> : null}
        {data ? (
          <DataTable
            label={t("funnel.title")}
            name="funnel"
            columns={[
              { head: t("funnel.stage"), rowHeader: true, cell: (s) => funnelStageLabel(s) },
              {
                head: t("funnel.count"),
                num: true,
                cell: (s) => formatInt(data.totals?.[s] ?? 0),
                attrs: (s) => ({ "data-value": data.totals?.[s] ?? 0 }),
              },
            ]}
            rows={stages}
            rowKey={(s) => s}
            rowAttrs={(s) => ({ "data-stage": s })}
          />
        ) : null}
      </section>
      <FunnelDays fetched={funnel} filters={filters} path={PATH} params={params} />
      <section class="card dash-section" aria-labelledby="zero-title">
        <SectionHeader id="zero-title" title={t("zero.title")}>
          <CsvLink path={PATH} params={{ ...params, table: "zero_results" }} what={t("zero.title")} />
        </SectionHeader>
        <FetchState of={funnel} empty={zero.length === 0} emptyText={t("zero.empty")} banner={false} />
        {zero.length ? (
          <DataTable
            label={t("zero.title")}
            name="zero-results"
            columns={[
              { head: t("zero.query"), cell: (z) => z.query },
              { head: t("zero.count"), num: true, cell: (z) => formatInt(z.count) },
            ]}
            rows={zero}
            rowKey={(z) => z.query}
          />
        ) : null}
      </section>
    </>
  );
}
