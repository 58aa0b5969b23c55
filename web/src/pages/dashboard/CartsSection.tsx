// Carts touched in the range: how many in each state, what the abandoned ones
// were worth, and the carts themselves (a state to narrow them, paged here).
import { useEffect, useState } from "preact/hooks";
import { withQuery } from "../../api";
import { CsvLink } from "../../components/CsvLink";
import { DataTable } from "../../components/DataTable";
import { ErrorBanner } from "../../components/ErrorBanner";
import { LabeledSelect, optionsOf } from "../../components/Field";
import { FetchState } from "../../components/FetchState";
import { SectionHeader } from "../../components/SectionHeader";
import { formatInt, formatLocal, formatMoney } from "../../format";
import { useFetch } from "../../hooks/useFetch";
import { t, type MessageKey } from "../../i18n";
import { abandonedValue, countByState, inState, newestFirst } from "./carts";
import { sectionError } from "./errors";
import { Figures, type Figure } from "./Figures";
import { filterParams, type Filters } from "./filters";
import { RoleLink, useMayOpen } from "./RoleLink";
import { CART_STATES, type CartRow, type Carts, type CartState } from "./types";

const PATH = "/api/v1/analytics/carts";
const PAGE_SIZE = 25;

const STATE_WORDS: Record<CartState, MessageKey> = {
  open: "dashboard.cart_open",
  abandoned: "dashboard.cart_abandoned",
  ordered: "dashboard.cart_ordered",
  emptied: "dashboard.cart_emptied",
};

export function cartStateLabel(code: string): string {
  return code in STATE_WORDS ? t(STATE_WORDS[code as CartState]) : code;
}

function figures(data: Carts | null): Figure[] {
  const carts = data && Array.isArray(data.carts) ? data.carts : null;
  const counts = carts ? countByState(carts) : null;
  const value = carts ? abandonedValue(carts) : [];
  const money = value.length
    ? value.map(([cur, cents]) => formatMoney(cents, cur)).join(" + ")
    : formatMoney(0, carts?.[0]?.currency);
  return [
    { key: "carts", label: t("dashboard.carts_total"), value: carts ? formatInt(carts.length) : "–", raw: carts?.length },
    ...CART_STATES.map((s) => ({
      key: s,
      label: cartStateLabel(s),
      value: counts ? formatInt(counts[s]) : "–",
      raw: counts?.[s],
    })),
    {
      key: "abandoned_value",
      label: t("dashboard.abandoned_value"),
      value: carts ? money : "–",
      raw: data?.abandoned_value_cents,
    },
  ];
}

// "Open", or "Open · abandoned" for an open cart left alone.
function stateCell(c: CartRow): string {
  const status = cartStateLabel(c.status);
  return c.abandoned ? `${status} · ${cartStateLabel("abandoned")}` : status;
}

export function CartsSection({ filters }: { filters: Filters }) {
  const params = filterParams(filters);
  const path = withQuery(PATH, params);
  const fetched = useFetch<Carts>(path);
  const [state, setState] = useState<CartState | "">("");
  const [shown, setShown] = useState(PAGE_SIZE);
  useEffect(() => setShown(PAGE_SIZE), [path, state]);
  const mayOpenInbox = useMayOpen("inbox");
  const mayOpenOrders = useMayOpen("orders");

  const all = Array.isArray(fetched.data?.carts) ? fetched.data.carts : [];
  const rows = newestFirst(all.filter((c) => inState(c, state)));
  const page = rows.slice(0, shown);

  return (
    <section class="card dash-section" aria-labelledby="carts-title" data-section="carts" aria-busy={fetched.loading}>
      <SectionHeader id="carts-title" title={t("dashboard.carts_title")}>
        <CsvLink path={PATH} params={{ ...params, state }} what={t("dashboard.carts_title")} />
      </SectionHeader>
      <ErrorBanner message={sectionError(fetched.error)} />
      <Figures label={t("dashboard.carts_figures")} figures={figures(fetched.data)} />
      <p class="muted small">{t("dashboard.abandoned_note")}</p>
      <div class="filters">
        <LabeledSelect
          stacked
          id="carts-state"
          label={t("dashboard.cart_state")}
          value={state}
          onValue={setState}
          options={optionsOf(CART_STATES, cartStateLabel, t("dashboard.all_states"))}
        />
      </div>
      <FetchState of={fetched} empty={rows.length === 0} emptyText={t("dashboard.carts_empty")} banner={false} />
      {rows.length ? (
        <>
          <p class="muted small" data-carts-shown={page.length} data-carts-matched={rows.length}>
            {t("dashboard.showing", page.length, rows.length)}
          </p>
          <DataTable
            label={t("dashboard.carts_title")}
            name="carts"
            columns={[
              {
                head: t("dashboard.conversation"),
                rowHeader: true,
                cell: (c) => <RoleLink page="inbox" id={c.conversation_id} may={mayOpenInbox} />,
              },
              { head: t("dashboard.channel"), cell: (c) => c.channel || "–" },
              { head: t("dashboard.cart_state"), cls: "nowrap", cell: stateCell },
              { head: t("dashboard.lines"), num: true, cell: (c) => formatInt(Array.isArray(c.lines) ? c.lines.length : null) },
              { head: t("dashboard.items"), num: true, cell: (c) => formatInt(c.items) },
              {
                head: t("dashboard.value"),
                num: true,
                cell: (c) => formatMoney(c.value_cents, c.currency),
                attrs: (c) => ({ "data-value": c.value_cents }),
              },
              { head: t("dashboard.updated"), cls: "nowrap", cell: (c) => formatLocal(c.updated_local) },
              { head: t("dashboard.order"), cell: (c) => <RoleLink page="orders" id={c.order_id} may={mayOpenOrders} /> },
            ]}
            rows={page}
            rowKey={(c) => c.conversation_id}
            rowAttrs={(c) => ({ "data-conversation": c.conversation_id, "data-status": c.status, "data-abandoned": c.abandoned ? "true" : "false" })}
          />
          {rows.length > page.length ? (
            <button type="button" class="button-secondary" data-action="more-carts" onClick={() => setShown((n) => n + PAGE_SIZE)}>
              {t("dashboard.show_more", Math.min(PAGE_SIZE, rows.length - page.length))}
            </button>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
