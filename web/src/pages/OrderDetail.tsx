// One order (GET /api/v1/orders/{id}) and what an admin does with it:
// PATCH {"status":"paid"|"shipped"|"delivered","tracking"?}.
import { useState } from "preact/hooks";
import { pathId, request } from "../api";
import { ErrorBanner } from "../components/ErrorBanner";
import { Facts } from "../components/Facts";
import { LabeledInput } from "../components/Field";
import { LinesTable } from "../components/LinesTable";
import { Loading } from "../components/Loading";
import { Page } from "../components/Page";
import { formatIso } from "../format";
import { useAction } from "../hooks/useAction";
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
  const { busy, error, run } = useAction();
  const s = order.status;

  async function change(body: Change) {
    const next = await run(() => request<Order>(`/api/v1/orders/${pathId(order.order_id)}`, { method: "PATCH", body }));
    if (next) onChanged(next);
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
        <LabeledInput id="order-tracking" label={t("order.tracking")} value={tracking} autocomplete="off" onValue={setTracking} />
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

function OrderFacts({ order }: { order: Order }) {
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
  return <Facts rows={rows} />;
}

export function OrderDetail({ id }: { id: string }) {
  const fetched = useFetch<Order>(`/api/v1/orders/${pathId(id)}`);
  const [changed, setChanged] = useState<Order | null>(null);
  const order = changed ?? fetched.data;
  const invoiceUrl = order?.invoice?.url || `/api/v1/orders/${pathId(id)}/invoice.pdf`;

  return (
    <Page name="order" title={id} titleClass="mono-title" back={{ href: href("orders"), label: t("order.back") }}>
      <ErrorBanner message={fetched.error?.message} />
      {fetched.loading && !order ? <Loading tall /> : null}
      {order ? (
        <div class="detail-grid">
          <div>
            <p>
              {t("order.status")}:{" "}
              <strong data-order-status={order.status} role="status">{orderStatusLabel(order.status)}</strong>
            </p>
            <OrderFacts order={order} />
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
      {order ? (
        <LinesTable
          label={t("order.lines")}
          name="order-lines"
          lines={order.lines}
          totalCents={order.total_cents}
          currency={order.currency}
        />
      ) : null}
    </Page>
  );
}
