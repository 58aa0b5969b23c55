// One order (GET /api/v1/orders/{id}) and what an admin does with it:
// PATCH {"status":"paid"|"shipped"|"delivered","tracking"?}.
import { useState } from "preact/hooks";
import { pathId, request, toApiError } from "../api";
import { ErrorBanner } from "../components/ErrorBanner";
import { Loading } from "../components/Loading";
import { TableWrap } from "../components/TableWrap";
import { formatIso, formatMoney } from "../format";
import { useFetch } from "../hooks/useFetch";
import { t } from "../i18n";
import { orderStatusLabel } from "../labels";
import { href } from "../router";
import type { Order } from "../types";

interface Change {
  status: "paid" | "shipped" | "delivered";
  tracking?: string;
}

function Actions({ order, onChanged }: { order: Order; onChanged: (o: Order) => void }) {
  const [tracking, setTracking] = useState(order.tracking ?? "");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const s = order.status;

  async function change(body: Change) {
    setBusy(true);
    setError(null);
    try {
      const next = await request<Order>(`/api/v1/orders/${pathId(order.order_id)}`, {
        method: "PATCH",
        body,
      });
      onChanged(next);
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  }

  function ship(e: Event) {
    e.preventDefault();
    const body: Change = { status: "shipped" };
    if (tracking.trim()) body.tracking = tracking.trim();
    void change(body);
  }

  return (
    <section class="card" aria-labelledby="order-actions-title">
      <h2 id="order-actions-title">{t("order.actions")}</h2>
      <ErrorBanner message={error} />
      <div class="actions">
        <button
          type="button"
          data-action="paid"
          disabled={busy || !(s === "placed" || s === "awaiting_payment")}
          onClick={() => void change({ status: "paid" })}
        >
          {t("order.mark_paid")}
        </button>
      </div>
      <form class="inline-form" onSubmit={ship}>
        <label for="order-tracking">{t("order.tracking")}</label>
        <input
          id="order-tracking"
          value={tracking}
          autocomplete="off"
          onInput={(e) => setTracking(e.currentTarget.value)}
        />
        <button type="submit" data-action="shipped" disabled={busy || !(s === "paid" || s === "shipped")}>
          {t("order.shipped")}
        </button>
      </form>
      <div class="actions">
        <button
          type="button"
          data-action="delivered"
          disabled={busy || s !== "shipped"}
          onClick={() => void change({ status: "delivered" })}
        >
          {t("order.delivered")}
        </button>
      </div>
    </section>
  );
}

function Lines({ order }: { order: Order }) {
  return (
    <TableWrap label={t("order.lines")}>
      <table data-table="order-lines">
        <thead>
          <tr>
            <th scope="col">{t("order.sku")}</th>
            <th scope="col">{t("order.product")}</th>
            <th scope="col" class="num">{t("order.quantity")}</th>
            <th scope="col" class="num">{t("order.unit_price")}</th>
            <th scope="col" class="num">{t("order.line_total")}</th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((l, i) => (
            <tr key={`${l.sku}-${i}`}>
              <td class="mono nowrap">{l.sku}</td>
              <td class="wide">
                {l.name}
                {l.color || l.size ? (
                  <span class="muted"> ({[l.color, l.size].filter(Boolean).join(", ")})</span>
                ) : null}
              </td>
              <td class="num">{l.quantity}</td>
              <td class="num">{formatMoney(l.unit_price_cents, l.currency)}</td>
              <td class="num">{formatMoney(l.line_total_cents, l.currency)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={4}>{t("order.total")}</th>
            <td class="num">{formatMoney(order.total_cents, order.currency)}</td>
          </tr>
        </tfoot>
      </table>
    </TableWrap>
  );
}

function Facts({ order }: { order: Order }) {
  const c = order.customer ?? {};
  const rows: [string, string][] = [
    [t("order.placed_at"), formatIso(order.placed_at)],
    [t("order.conversation"), order.conversation_id],
    [t("order.customer"), c.name || "–"],
    [t("order.phone"), c.phone || "–"],
    [t("order.email"), c.email || "–"],
    [t("order.address"), [c.address, c.city].filter(Boolean).join(", ") || "–"],
    [t("order.payment"), order.payment?.provider ?? t("order.no_payment")],
  ];
  if (order.payment?.paid_at) rows.push([t("order.paid_at"), formatIso(order.payment.paid_at)]);
  if (order.tracking) rows.push([t("order.tracking"), order.tracking]);
  return (
    <dl class="facts">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export function OrderDetail({ id }: { id: string }) {
  const fetched = useFetch<Order>(`/api/v1/orders/${pathId(id)}`);
  const [changed, setChanged] = useState<Order | null>(null);
  const order = changed ?? fetched.data;
  const invoiceUrl = order?.invoice?.url || `/api/v1/orders/${pathId(id)}/invoice.pdf`;

  return (
    <section class="page" aria-labelledby="order-title">
      <p>
        <a href={href("orders")}>← {t("order.back")}</a>
      </p>
      <h1 id="order-title" class="mono-title">{id}</h1>
      <ErrorBanner message={fetched.error?.message} />
      {fetched.loading && !order ? <Loading tall /> : null}
      {order ? (
        <div class="detail-grid">
          <div>
            <p>
              {t("order.status")}:{" "}
              <strong data-order-status={order.status} role="status">{orderStatusLabel(order.status)}</strong>
            </p>
            <Facts order={order} />
            {order.payment?.instructions ? <p class="muted small">{order.payment.instructions}</p> : null}
            <p>
              {order.invoice ? (
                <a href={invoiceUrl} data-invoice target="_blank" rel="noopener">
                  {t("order.invoice", order.invoice.invoice_id ?? "")}
                </a>
              ) : (
                <span class="muted">{t("order.invoice_after_payment")}</span>
              )}
            </p>
          </div>
          <Actions order={order} onChanged={setChanged} />
        </div>
      ) : null}
      {order ? <Lines order={order} /> : null}
    </section>
  );
}
