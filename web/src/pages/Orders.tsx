// Every order, newest first, from the orders view.
import { CsvLink } from "../components/CsvLink";
import { ErrorBanner } from "../components/ErrorBanner";
import { Loading } from "../components/Loading";
import { TableWrap } from "../components/TableWrap";
import { formatLocal, formatMoney } from "../format";
import { useFetch } from "../hooks/useFetch";
import { t } from "../i18n";
import { orderStatusLabel } from "../labels";
import { href } from "../router";
import type { OrderRow } from "../types";

const PATH = "/api/v1/analytics/orders";

function newestFirst(a: OrderRow, b: OrderRow): number {
  if (a.placed_at_us !== undefined && b.placed_at_us !== undefined) return b.placed_at_us - a.placed_at_us;
  return (b.placed_at_local ?? "").localeCompare(a.placed_at_local ?? "");
}

export function Orders() {
  const { data, error, loading } = useFetch<{ orders: OrderRow[] }>(PATH);
  const orders = [...(data?.orders ?? [])].sort(newestFirst);
  return (
    <section class="page" aria-labelledby="orders-title">
      <div class="section-header">
        <h1 id="orders-title">{t("orders.title")}</h1>
        <div class="section-actions">
          <CsvLink path={PATH} params={{}} what={t("orders.title")} />
        </div>
      </div>
      <ErrorBanner message={error?.message} />
      {loading && !data ? <Loading tall /> : null}
      {data && orders.length === 0 ? <p class="empty">{t("orders.empty")}</p> : null}
      {orders.length ? (
        <TableWrap label={t("orders.title")}>
          <table data-table="orders">
            <thead>
              <tr>
                <th scope="col">{t("orders.order")}</th>
                <th scope="col">{t("orders.placed")}</th>
                <th scope="col">{t("orders.customer")}</th>
                <th scope="col">{t("orders.channel")}</th>
                <th scope="col">{t("orders.status")}</th>
                <th scope="col" class="num">{t("orders.total")}</th>
              </tr>
            </thead>
            <tbody>
              {orders.map((o) => (
                <tr key={o.order_id} data-order={o.order_id}>
                  <td class="mono">
                    <a href={href("orders", o.order_id)}>{o.order_id}</a>
                  </td>
                  <td class="nowrap">{formatLocal(o.placed_at_local)}</td>
                  <td>{o.customer?.name || "–"}</td>
                  <td>{o.channel ?? "–"}</td>
                  <td>{orderStatusLabel(o.status)}</td>
                  <td class="num">{formatMoney(o.total_cents, o.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
    </section>
  );
}
