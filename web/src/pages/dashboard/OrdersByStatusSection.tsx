// Orders by status, grouped here from the orders view; values per currency.
import { withQuery } from "../../api";
import { CsvLink } from "../../components/CsvLink";
import { ErrorBanner } from "../../components/ErrorBanner";
import { Loading } from "../../components/Loading";
import { SectionHeader } from "../../components/SectionHeader";
import { TableWrap } from "../../components/TableWrap";
import { formatInt, formatMoney } from "../../format";
import { useFetch } from "../../hooks/useFetch";
import { t } from "../../i18n";
import { orderStatusLabel } from "../../labels";
import type { OrderRow } from "../../types";
import { filterParams, type Filters } from "./filters";

const PATH = "/api/v1/analytics/orders";
const ORDER = ["placed", "awaiting_payment", "paid", "shipped", "delivered", "cancelled", "refunded"];

interface Group {
  status: string;
  count: number;
  value: Map<string, number>; // currency -> cents
}

function group(orders: OrderRow[]): Group[] {
  const by = new Map<string, Group>();
  for (const o of orders) {
    const g = by.get(o.status) ?? { status: o.status, count: 0, value: new Map() };
    g.count += 1;
    g.value.set(o.currency, (g.value.get(o.currency) ?? 0) + (o.total_cents ?? 0));
    by.set(o.status, g);
  }
  const rank = (s: string) => (ORDER.indexOf(s) < 0 ? ORDER.length : ORDER.indexOf(s));
  return [...by.values()].sort((a, b) => rank(a.status) - rank(b.status));
}

export function OrdersByStatusSection({ filters }: { filters: Filters }) {
  const params = filterParams(filters);
  const { data, error, loading } = useFetch<{ orders: OrderRow[] }>(withQuery(PATH, params));
  const groups = group(data?.orders ?? []);

  return (
    <section class="card dash-section" aria-labelledby="ostatus-title">
      <SectionHeader id="ostatus-title" title={t("ostatus.title")}>
        <CsvLink path={PATH} params={params} what={t("ostatus.title")} />
      </SectionHeader>
      <ErrorBanner message={error?.message} />
      {loading && !data ? <Loading /> : null}
      {data && groups.length === 0 ? <p class="empty">{t("ostatus.empty")}</p> : null}
      {groups.length ? (
        <TableWrap label={t("ostatus.title")}>
          <table data-table="orders-by-status">
            <thead>
              <tr>
                <th scope="col">{t("ostatus.status")}</th>
                <th scope="col" class="num">{t("ostatus.orders")}</th>
                <th scope="col" class="num">{t("ostatus.value")}</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={g.status} data-status={g.status}>
                  <th scope="row">{orderStatusLabel(g.status)}</th>
                  <td class="num" data-value={g.count}>{formatInt(g.count)}</td>
                  <td class="num">
                    {[...g.value.entries()].map(([cur, cents]) => formatMoney(cents, cur)).join(" + ")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
    </section>
  );
}
