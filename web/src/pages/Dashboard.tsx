// The analyst's page: one date range and one channel for every section.
import { useState } from "preact/hooks";
import { ErrorBanner } from "../components/ErrorBanner";
import { addDays, parseDay, today } from "../format";
import { t } from "../i18n";
import { BillingSection } from "./dashboard/BillingSection";
import type { Filters } from "./dashboard/filters";
import { FunnelSection } from "./dashboard/FunnelSection";
import { OrdersByStatusSection } from "./dashboard/OrdersByStatusSection";

const CHANNELS = ["api", "telegram", "whatsapp", "twilio", "greenapi", "maytapi"];

export function Dashboard() {
  const [to, setTo] = useState(today());
  const [from, setFrom] = useState(addDays(today(), -29));
  const [channel, setChannel] = useState("");

  const valid = parseDay(from) !== null && parseDay(to) !== null && from <= to;
  const filters: Filters | null = valid ? { from, to, channel } : null;

  return (
    <section class="page" aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">{t("dashboard.title")}</h1>
      <form class="filters" onSubmit={(e) => e.preventDefault()} aria-label={t("dashboard.filters")}>
        <div class="field">
          <label for="dash-from">{t("dashboard.from")}</label>
          <input id="dash-from" type="date" value={from} max={to} required onChange={(e) => setFrom(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="dash-to">{t("dashboard.to")}</label>
          <input id="dash-to" type="date" value={to} min={from} required onChange={(e) => setTo(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="dash-channel">{t("dashboard.channel")}</label>
          <select id="dash-channel" value={channel} onChange={(e) => setChannel(e.currentTarget.value)}>
            <option value="">{t("dashboard.all_channels")}</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
      </form>
      <ErrorBanner message={valid ? null : t("dashboard.bad_range")} />
      {filters ? (
        <>
          <BillingSection filters={filters} />
          <FunnelSection filters={filters} />
          <OrdersByStatusSection filters={filters} />
        </>
      ) : null}
    </section>
  );
}
