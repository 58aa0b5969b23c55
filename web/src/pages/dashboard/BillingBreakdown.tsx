// LLM use summed by provider, model or agent (or all three), most expensive
// first, from the billing answer's usage rows. The server's CSV has no such
// table, so its CSV is made here from the same rows.
import { useMemo, useState } from "preact/hooks";
import { DataTable, type Column, type FootRow } from "../../components/DataTable";
import { LabeledSelect } from "../../components/Field";
import { FetchState } from "../../components/FetchState";
import { SectionHeader } from "../../components/SectionHeader";
import { formatInt, formatUsd } from "../../format";
import type { Fetched } from "../../hooks/useFetch";
import { t, type MessageKey } from "../../i18n";
import { ClientCsvLink } from "./ClientCsvLink";
import { GROUPINGS, groupUsage, keysOf, sumGroups, type BillingAnswer, type Grouping, type KeyField, type UsageGroup } from "./usage";

const GROUP_WORDS: Record<Grouping, MessageKey> = {
  all: "dashboard.group_all",
  provider: "dashboard.provider",
  model: "dashboard.model",
  agent: "dashboard.agent",
};

const NUMBERS = ["calls", "failed", "input_tokens", "output_tokens"] as const;
const NUMBER_WORDS: Record<(typeof NUMBERS)[number], MessageKey> = {
  calls: "billing.calls",
  failed: "dashboard.failed",
  input_tokens: "billing.input_tokens",
  output_tokens: "billing.output_tokens",
};

function columnsOf(keys: KeyField[]): Column<UsageGroup>[] {
  return [
    ...keys.map((k, i) => ({
      head: t(GROUP_WORDS[k]),
      rowHeader: i === 0,
      cell: (g: UsageGroup) => g[k] || "–",
    })),
    ...NUMBERS.map((f) => ({
      head: t(NUMBER_WORDS[f]),
      num: true,
      cell: (g: UsageGroup) => formatInt(g[f]),
      attrs: (g: UsageGroup) => ({ "data-field": f, "data-value": g[f] }),
    })),
    {
      head: t("billing.cost_usd"),
      num: true,
      cell: (g) => formatUsd(g.cost_usd),
      attrs: (g) => ({ "data-field": "cost_usd", "data-value": g.cost_usd, "data-micros": g.cost_micros }),
    },
  ];
}

// The groups summed; data-sum (not data-total, which the day table's totals use).
function totalRow(groups: UsageGroup[], span: number): FootRow {
  const sum = sumGroups(groups);
  return {
    label: t("billing.total"),
    span,
    cells: [
      ...NUMBERS.map((f) => ({ value: formatInt(sum[f]), attrs: { "data-sum": f, "data-value": sum[f] } })),
      {
        value: formatUsd(sum.cost_micros / 1e6),
        attrs: { "data-sum": "cost_usd", "data-value": sum.cost_micros / 1e6, "data-micros": sum.cost_micros },
      },
    ],
  };
}

// The rows are the dashboard's channel's already (the server filters them).
export function BillingBreakdown({ fetched }: { fetched: Fetched<BillingAnswer> }) {
  const [by, setBy] = useState<Grouping>("all");
  const usage = fetched.data && Array.isArray(fetched.data.usage) ? fetched.data.usage : null;
  const groups = useMemo(() => groupUsage(usage ?? [], by), [usage, by]);
  const keys = keysOf(by);
  const csvColumns = useMemo(() => [...keysOf(by), ...NUMBERS, "cost_usd"], [by]);
  const title = t("dashboard.breakdown_title");

  return (
    <section class="card dash-section" aria-labelledby="breakdown-title" data-section="billing-breakdown" aria-busy={fetched.loading}>
      <SectionHeader id="breakdown-title" title={title}>
        <ClientCsvLink name={`billing-by-${keys.join("-")}`} columns={csvColumns} rows={groups} what={title} />
      </SectionHeader>
      <div class="filters">
        <LabeledSelect
          stacked
          id="breakdown-by"
          label={t("dashboard.group_by")}
          value={by}
          onValue={setBy}
          options={GROUPINGS.map((g) => ({ value: g, label: t(GROUP_WORDS[g]) }))}
        />
      </div>
      <p class="muted small">{t("dashboard.breakdown_note")}</p>
      <FetchState of={fetched} empty={groups.length === 0} emptyText={t("billing.empty")} banner={false} />
      {groups.length ? (
        <DataTable
          label={title}
          name="billing-breakdown"
          columns={columnsOf(keys)}
          rows={groups}
          rowKey={(g) => g.key}
          rowAttrs={(g) => ({
            "data-group": g.key,
            "data-provider": g.provider,
            "data-model": g.model,
            "data-agent": g.agent,
          })}
          foot={totalRow(groups, keys.length)}
        />
      ) : null}
    </section>
  );
}
