// Beside the messages: the conversation's state, the customer, the cart and
// the orders, all from the conversation's answer.
import type { ComponentChildren } from "preact";
import { Facts } from "../../components/Facts";
import { LinesTable } from "../../components/LinesTable";
import { formatIso } from "../../format";
import { t } from "../../i18n";
import { languageLabel, stageLabel } from "../../labels";
import { href } from "../../router";
import { canUse } from "../../roles";
import { useSession } from "../../session";
import type { ConversationView } from "../../types";

function checkoutWords(c: ConversationView["checkout"]): string {
  if (!c?.open) return t("conv.checkout_closed");
  return c.awaiting_confirmation ? t("conv.checkout_confirming") : t("conv.checkout_open");
}

function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function latest(a: string | null | undefined, b: string | null | undefined): string | null {
  if (!a || !b) return a || b || null;
  return a > b ? a : b; // ISO instants in UTC compare as text
}

export function Details({ view }: { view: ConversationView }) {
  const { user } = useSession();
  const c = view.customer ?? {};
  const cart = view.cart;
  const orders = view.orders ?? [];
  const linkOrders = canUse(user.role, "orders");

  const state: [string, string][] = [
    [t("inbox.channel"), view.channel || "–"],
    [t("inbox.language"), languageLabel(view.language)],
    [t("inbox.stage"), stageLabel(view.stage)],
    [t("conv.checkout"), checkoutWords(view.checkout)],
    [t("conv.counts"), t("conv.counts_value", view.received ?? 0, view.sent ?? 0)],
    [t("inbox.last_at"), formatIso(latest(view.last_received_at, view.last_sent_at))],
  ];
  const customer: [string, string][] = [[t("conv.user_id"), c.user_id || "–"]];
  for (const [label, value] of [
    [t("conv.name"), c.name],
    [t("order.phone"), c.phone],
    [t("order.email"), c.email],
    [t("order.address"), c.address],
    [t("conv.city"), c.city],
  ] as const) {
    if (value) customer.push([label, value]);
  }

  return (
    <div class="conversation-side">
      <Section id="conv-details-title" title={t("conv.details")}>
        <Facts rows={state} />
      </Section>
      <Section id="conv-customer-title" title={t("conv.customer")}>
        <Facts rows={customer} />
      </Section>
      <Section id="conv-cart-title" title={t("conv.cart")}>
        {cart && cart.lines.length ? (
          <LinesTable label={t("conv.cart")} name="cart" lines={cart.lines} totalCents={cart.total_cents} currency={cart.currency} />
        ) : (
          <p class="empty">{t("conv.cart_empty")}</p>
        )}
      </Section>
      <Section id="conv-orders-title" title={t("conv.orders")}>
        {orders.length ? (
          <ul class="plain-list">
            {orders.map((id) => (
              <li key={id} class="mono" data-order={id}>
                {linkOrders ? <a href={href("orders", id)}>{id}</a> : id}
              </li>
            ))}
          </ul>
        ) : (
          <p class="empty">{t("conv.no_orders")}</p>
        )}
      </Section>
    </div>
  );
}
