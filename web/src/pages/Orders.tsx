// Every order, newest first, from the orders view.
import { CsvLink } from "../components/CsvLink";
import { DataTable } from "../components/DataTable";
import { FetchState } from "../components/FetchState";
import { Page } from "../components/Page";
import { formatLocal, formatMoney } from "../format";
import { useFetch } from "../hooks/useFetch";
import { t } from "../i18n";
import { orderStatusLabel } from "../labels";
import { href } from "../router";
import type { OrderRow } from "../types";
import type { Answer } from "../openapi";

const PATH = "/api/v1/analytics/orders";

function newestFirst(a: OrderRow, b: OrderRow): number {
  if (a.placed_at_us !== undefined && b.placed_at_us !== undefined) return b.placed_at_us - a.placed_at_us;
  return (b.placed_at_local ?? "").localeCompare(a.placed_at_local ?? "");
}

export function Orders() {
  const fetched = useFetch<Answer<"/api/v1/analytics/orders">>(PATH);
  const orders = [...(fetched.data?.orders ?? [])].sort(newestFirst);
  return (
    <Page name="orders" title={t("orders.title")} actions={<CsvLink path={PATH} params={{}} what={t("orders.title")} />}>
      <FetchState of={fetched} empty={orders.length === 0} emptyText={t("orders.empty")} tall />
      {orders.length ? (
        <DataTable
          label={t("orders.title")}
          name="orders"
          columns={[
            { head: t("orders.order"), cls: "mono", cell: (o) => <a href={href("orders", o.order_id)}>{o.order_id}</a> },
            { head: t("orders.placed"), cls: "nowrap", cell: (o) => formatLocal(o.placed_at_local) },
            { head: t("orders.customer"), cell: (o) => o.customer?.name || "–" },
            { head: t("orders.channel"), cell: (o) => o.channel ?? "–" },
            { head: t("orders.status"), cell: (o) => orderStatusLabel(o.status) },
            { head: t("orders.total"), num: true, cell: (o) => formatMoney(o.total_cents, o.currency) },
          ]}
          rows={orders}
          rowKey={(o) => o.order_id}
          rowAttrs={(o) => ({ "data-order": o.order_id })}
        />
      ) : null}
    </Page>
  );
}
