// Orders by status, grouped here from the orders view; values per currency.
import { withQuery } from "../../api";
import { CsvLink } from "../../components/CsvLink";
import { DataTable } from "../../components/DataTable";
import { FetchState } from "../../components/FetchState";
import { SectionHeader } from "../../components/SectionHeader";
import { formatInt, formatMoney } from "../../format";
import { useFetch } from "../../hooks/useFetch";
import { t } from "../../i18n";
import { orderStatusLabel } from "../../labels";
import { ORDER_STATUSES, type OrderRow } from "../../types";
import { filterParams, type Filters } from "./filters";
import type { Answer } from "../../openapi";

const PATH = "/api/v1/analytics/orders";
const ORDER: readonly string[] = ORDER_STATUSES;

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
  const fetched = useFetch<Answer<"/api/v1/analytics/orders">>(withQuery(PATH, params));
  const groups = group(fetched.data?.orders ?? []);

  return (
    <section class="card dash-section" aria-labelledby="ostatus-title">
      <SectionHeader id="ostatus-title" title={t("ostatus.title")}>
        <CsvLink path={PATH} params={params} what={t("ostatus.title")} />
      </SectionHeader>
      <FetchState of={fetched} empty={groups.length === 0} emptyText={t("ostatus.empty")} />
      {groups.length ? (
        <DataTable
          label={t("ostatus.title")}
          name="orders-by-status"
          columns={[
            { head: t("ostatus.status"), rowHeader: true, cell: (g) => orderStatusLabel(g.status) },
            { head: t("ostatus.orders"), num: true, cell: (g) => formatInt(g.count), attrs: (g) => ({ "data-value": g.count }) },
            {
              head: t("ostatus.value"),
              num: true,
              cell: (g) => [...g.value.entries()].map(([cur, cents]) => formatMoney(cents, cur)).join(" + "),
            },
          ]}
          rows={groups}
          rowKey={(g) => g.status}
          rowAttrs={(g) => ({ "data-status": g.status })}
        />
      ) : null}
    </section>
  );
}
