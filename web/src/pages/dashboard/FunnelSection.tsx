// The funnel's totals, and the searches that found nothing.
import { withQuery } from "../../api";
import { CsvLink } from "../../components/CsvLink";
import { ErrorBanner } from "../../components/ErrorBanner";
import { Loading } from "../../components/Loading";
import { SectionHeader } from "../../components/SectionHeader";
import { TableWrap } from "../../components/TableWrap";
import { formatInt } from "../../format";
import { useFetch } from "../../hooks/useFetch";
import { t } from "../../i18n";
import { funnelStageLabel } from "../../labels";
import type { Funnel } from "../../types";
import { filterParams, type Filters } from "./filters";

const PATH = "/api/v1/analytics/funnel";
const DEFAULT_STAGES = ["conversations", "searches", "carts", "checkouts", "orders"];

export function FunnelSection({ filters }: { filters: Filters }) {
  const params = filterParams(filters);
  const { data, error, loading } = useFetch<Funnel>(withQuery(PATH, params));
  const stages = [...(data?.stages?.length ? data.stages : DEFAULT_STAGES), "zero_result_searches"];
  const zero = data?.zero_result_searches ?? [];

  return (
    <>
      <section class="card dash-section" aria-labelledby="funnel-title">
        <SectionHeader id="funnel-title" title={t("funnel.title")}>
          <CsvLink path={PATH} params={params} what={t("funnel.title")} />
        </SectionHeader>
        <ErrorBanner message={error?.message} />
        {loading && !data ? <Loading /> : null}
        {data ? (
          <TableWrap label={t("funnel.title")}>
            <table data-table="funnel">
              <thead>
                <tr>
                  <th scope="col">{t("funnel.stage")}</th>
                  <th scope="col" class="num">{t("funnel.count")}</th>
                </tr>
              </thead>
              <tbody>
                {stages.map((s) => (
                  <tr key={s} data-stage={s}>
                    <th scope="row">{funnelStageLabel(s)}</th>
                    <td class="num" data-value={data.totals?.[s] ?? 0}>{formatInt(data.totals?.[s] ?? 0)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        ) : null}
      </section>
      <section class="card dash-section" aria-labelledby="zero-title">
        <SectionHeader id="zero-title" title={t("zero.title")}>
          <CsvLink path={PATH} params={{ ...params, table: "zero_results" }} what={t("zero.title")} />
        </SectionHeader>
        {loading && !data ? <Loading /> : null}
        {data && zero.length === 0 ? <p class="empty">{t("zero.empty")}</p> : null}
        {zero.length ? (
          <TableWrap label={t("zero.title")}>
            <table data-table="zero-results">
              <thead>
                <tr>
                  <th scope="col">{t("zero.query")}</th>
                  <th scope="col" class="num">{t("zero.count")}</th>
                </tr>
              </thead>
              <tbody>
                {zero.map((z) => (
                  <tr key={z.query}>
                    <td>{z.query}</td>
                    <td class="num">{formatInt(z.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        ) : null}
      </section>
    </>
  );
}
