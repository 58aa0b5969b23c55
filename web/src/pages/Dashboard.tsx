// The analyst's page: one date range and one channel for every section, in
// the order cost, conversations, funnel, carts, orders, nudges.
import { useState } from "preact/hooks";
import { ErrorBanner } from "../components/ErrorBanner";
import { LabeledInput, LabeledSelect, optionsOf } from "../components/Field";
import { Page } from "../components/Page";
import { addDays, parseDay, today } from "../format";
import { t } from "../i18n";
import { CHANNELS } from "../types";
import { BillingSection } from "./dashboard/BillingSection";
import { CartsSection } from "./dashboard/CartsSection";
import { CostliestSection } from "./dashboard/CostliestSection";
import type { Filters } from "./dashboard/filters";
import { FunnelSection } from "./dashboard/FunnelSection";
import { NudgesSection } from "./dashboard/NudgesSection";
import { OrdersByStatusSection } from "./dashboard/OrdersByStatusSection";

export function Dashboard() {
  const [to, setTo] = useState(today());
  const [from, setFrom] = useState(addDays(today(), -29));
  const [channel, setChannel] = useState("");

  const valid = parseDay(from) !== null && parseDay(to) !== null && from <= to;
  const filters: Filters | null = valid ? { from, to, channel } : null;

  return (
    <Page name="dashboard" title={t("dashboard.title")}>
      <form class="filters" onSubmit={(e) => e.preventDefault()} aria-label={t("dashboard.filters")}>
        <LabeledInput stacked onCommit id="dash-from" label={t("dashboard.from")} type="date" value={from} max={to} required onValue={setFrom} />
        <LabeledInput stacked onCommit id="dash-to" label={t("dashboard.to")} type="date" value={to} min={from} required onValue={setTo} />
        <LabeledSelect
          stacked
          id="dash-channel"
          label={t("dashboard.channel")}
          value={channel}
          onValue={setChannel}
          options={optionsOf(CHANNELS, (c) => c, t("dashboard.all_channels"))}
        />
      </form>
      <ErrorBanner message={valid ? null : t("dashboard.bad_range")} />
      {filters ? (
        <>
          <BillingSection filters={filters} />
          <CostliestSection filters={filters} />
          <FunnelSection filters={filters} />
          <CartsSection filters={filters} />
          <OrdersByStatusSection filters={filters} />
          <NudgesSection filters={filters} />
        </>
      ) : null}
    </Page>
  );
}
