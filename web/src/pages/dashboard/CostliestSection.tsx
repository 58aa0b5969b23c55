// The conversations that cost the most in model calls, most expensive first:
// those whose model use overlaps the range, with the totals of that use.
import { withQuery } from "../../api";
import { CsvLink } from "../../components/CsvLink";
import { DataTable } from "../../components/DataTable";
import { ErrorBanner } from "../../components/ErrorBanner";
import { FetchState } from "../../components/FetchState";
import { SectionHeader } from "../../components/SectionHeader";
import { formatInt, formatUsd } from "../../format";
import { useFetch } from "../../hooks/useFetch";
import { t } from "../../i18n";
import { sectionError } from "./errors";
import { filterParams, type Filters } from "./filters";
import { RoleLink, useMayOpen } from "./RoleLink";
import type { ConversationCost, ConversationCosts } from "./types";

const PATH = "/api/v1/analytics/billing/conversations";
export const COSTLIEST_LIMIT = 10;

// "2026-11-02 – 2026-11-05", or one day.
function span(c: ConversationCost): string {
  if (!c.first_day) return "–";
  return c.first_day === c.last_day || !c.last_day ? c.first_day : `${c.first_day} – ${c.last_day}`;
}

// The server may not narrow this list by channel: the id says it ("telegram:42").
function ofChannel(rows: ConversationCost[], channel: string): ConversationCost[] {
  if (!channel) return rows;
  return rows.filter((c) => c.conversation_id.startsWith(channel + ":"));
}

export function CostliestSection({ filters }: { filters: Filters }) {
  const params = { ...filterParams(filters), limit: COSTLIEST_LIMIT };
  const fetched = useFetch<ConversationCosts>(withQuery(PATH, params));
  const rows = ofChannel(Array.isArray(fetched.data?.conversations) ? fetched.data.conversations : [], filters.channel);
  const mayOpen = useMayOpen("inbox");

  return (
    <section class="card dash-section" aria-labelledby="costliest-title" data-section="costliest" aria-busy={fetched.loading}>
      <SectionHeader id="costliest-title" title={t("dashboard.costliest_title")}>
        <CsvLink path={PATH} params={params} what={t("dashboard.costliest_title")} />
      </SectionHeader>
      <p class="muted small">{t("dashboard.costliest_note", COSTLIEST_LIMIT)}</p>
      <ErrorBanner message={sectionError(fetched.error)} />
      <FetchState of={fetched} empty={rows.length === 0} emptyText={t("dashboard.costliest_empty")} banner={false} />
      {rows.length ? (
        <DataTable
          label={t("dashboard.costliest_title")}
          name="costliest"
          columns={[
            { head: t("dashboard.rank"), num: true, cell: (_c, i) => formatInt(i + 1) },
            {
              head: t("dashboard.conversation"),
              rowHeader: true,
              cell: (c) => <RoleLink page="inbox" id={c.conversation_id} may={mayOpen} />,
            },
            { head: t("dashboard.days"), cls: "nowrap", cell: span },
            { head: t("billing.calls"), num: true, cell: (c) => formatInt(c.calls), attrs: (c) => ({ "data-value": c.calls }) },
            { head: t("dashboard.failed"), num: true, cell: (c) => formatInt(c.failed) },
            { head: t("billing.input_tokens"), num: true, cell: (c) => formatInt(c.input_tokens) },
            { head: t("billing.output_tokens"), num: true, cell: (c) => formatInt(c.output_tokens) },
            { head: t("dashboard.fallbacks"), num: true, cell: (c) => formatInt(c.fallbacks) },
            {
              head: t("billing.cost_usd"),
              num: true,
              cell: (c) => formatUsd(c.cost_usd),
              attrs: (c) => ({ "data-cost": c.cost_usd }),
            },
          ]}
          rows={rows}
          rowKey={(c) => c.conversation_id}
          rowAttrs={(c) => ({ "data-conversation": c.conversation_id })}
        />
      ) : null}
    </section>
  );
}
