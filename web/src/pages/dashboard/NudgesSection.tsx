// Nudge outcomes for timers due in the range: shopper nudges and leads'
// follow-ups by state, why the skipped and cancelled ones were, the latest.
import type { ComponentChildren } from "preact";
import { withQuery } from "../../api";
import { CsvLink } from "../../components/CsvLink";
import { DataTable, type FootRow } from "../../components/DataTable";
import { ErrorBanner } from "../../components/ErrorBanner";
import { FetchState } from "../../components/FetchState";
import { SectionHeader } from "../../components/SectionHeader";
import { formatInt, formatLocal } from "../../format";
import { useFetch } from "../../hooks/useFetch";
import { t } from "../../i18n";
import { sectionError } from "./errors";
import { filterParams, type Filters } from "./filters";
import {
  countByKind,
  countReasons,
  latest,
  nudgeKindLabel,
  nudgeReasonLabel,
  nudgeStateLabel,
  statesOf,
  type KindCounts,
} from "./nudges";
import { RoleLink, useMayOpen } from "./RoleLink";
import type { NudgeRow, Nudges } from "./types";

const PATH = "/api/v1/nudges";
const LATEST = 10;

function totalRow(kinds: KindCounts[], states: string[]): FootRow {
  const sum = (state: string | null) =>
    kinds.reduce((n, k) => n + (state === null ? k.total : (k.by[state] ?? 0)), 0);
  const cell = (state: string | null) => ({
    value: formatInt(sum(state)),
    attrs: { "data-total": state ?? "all", "data-value": sum(state) },
  });
  return { label: t("billing.total"), cells: [...states.map(cell), cell(null)] };
}

function Sub({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <div class="dash-sub" aria-labelledby={id} role="group">
      <h3 id={id}>{title}</h3>
      {children}
    </div>
  );
}

export function NudgesSection({ filters }: { filters: Filters }) {
  const params = { kind: "all", ...filterParams(filters) };
  const fetched = useFetch<Nudges>(withQuery(PATH, params));
  const all = Array.isArray(fetched.data?.nudges) ? fetched.data.nudges : [];
  // The server narrows by channel too; a follow-up (a lead's) has none.
  const rows = filters.channel ? all.filter((r) => r.channel === filters.channel) : all;
  const states = statesOf(rows);
  const kinds = countByKind(rows);
  const reasons = countReasons(rows);
  const recent = latest(rows, LATEST);
  const mayOpenInbox = useMayOpen("inbox");
  const mayOpenLeads = useMayOpen("leads");

  const who = (r: NudgeRow) =>
    r.conversation_id ? (
      <RoleLink page="inbox" id={r.conversation_id} may={mayOpenInbox} />
    ) : (
      <RoleLink page="leads" id={r.lead_id} may={mayOpenLeads} />
    );

  return (
    <section class="card dash-section" aria-labelledby="nudges-title" data-section="nudges" aria-busy={fetched.loading}>
      <SectionHeader id="nudges-title" title={t("dashboard.nudges_title")}>
        <CsvLink path={PATH} params={params} what={t("dashboard.nudges_title")} />
      </SectionHeader>
      <p class="muted small">{filters.channel ? t("dashboard.nudges_note_channel") : t("dashboard.nudges_note")}</p>
      <ErrorBanner message={sectionError(fetched.error)} />
      <FetchState of={fetched} empty={rows.length === 0} emptyText={t("dashboard.nudges_empty")} banner={false} />
      {rows.length ? (
        <>
          <DataTable
            label={t("dashboard.nudges_by_state")}
            name="nudge-states"
            columns={[
              { head: t("dashboard.kind"), rowHeader: true, cell: (k) => nudgeKindLabel(k.kind) },
              ...states.map((s) => ({
                head: nudgeStateLabel(s),
                num: true,
                cell: (k: KindCounts) => formatInt(k.by[s] ?? 0),
                attrs: (k: KindCounts) => ({ "data-state": s, "data-value": k.by[s] ?? 0 }),
              })),
              {
                head: t("billing.total"),
                num: true,
                cell: (k) => formatInt(k.total),
                attrs: (k) => ({ "data-state": "all", "data-value": k.total }),
              },
            ]}
            rows={kinds}
            rowKey={(k) => k.kind}
            rowAttrs={(k) => ({ "data-kind": k.kind })}
            foot={kinds.length > 1 ? totalRow(kinds, states) : undefined}
          />
          <Sub id="nudge-reasons-title" title={t("dashboard.nudge_reasons")}>
            <DataTable
              label={t("dashboard.nudge_reasons")}
              name="nudge-reasons"
              columns={[
                { head: t("dashboard.kind"), cell: (r) => nudgeKindLabel(r.kind) },
                { head: t("dashboard.state"), cell: (r) => nudgeStateLabel(r.state) },
                { head: t("dashboard.reason"), rowHeader: true, cell: (r) => nudgeReasonLabel(r.reason) },
                { head: t("dashboard.count"), num: true, cell: (r) => formatInt(r.count), attrs: (r) => ({ "data-value": r.count }) },
              ]}
              rows={reasons}
              rowKey={(r) => `${r.kind}/${r.state}/${r.reason}`}
              rowAttrs={(r) => ({ "data-kind": r.kind, "data-state": r.state, "data-reason": r.reason })}
              empty={t("dashboard.nudge_reasons_empty")}
            />
          </Sub>
          <Sub id="nudge-latest-title" title={t("dashboard.nudges_latest", LATEST)}>
            <DataTable
              label={t("dashboard.nudges_latest", LATEST)}
              name="nudges-latest"
              columns={[
                { head: t("dashboard.due"), cls: "nowrap", cell: (r) => formatLocal(r.due_local) },
                { head: t("dashboard.kind"), cls: "nowrap", cell: (r) => nudgeKindLabel(r.kind) },
                { head: t("dashboard.who"), cell: who },
                { head: t("dashboard.number"), num: true, cell: (r) => formatInt(r.number ?? r.index) },
                { head: t("dashboard.state"), cell: (r) => nudgeStateLabel(r.state) },
                { head: t("dashboard.reason"), cell: (r) => (r.reason ? nudgeReasonLabel(r.reason) : r.template || "–") },
                { head: t("dashboard.settled"), cls: "nowrap", cell: (r) => formatLocal(r.settled_local) },
              ]}
              rows={recent}
              rowKey={(r) => r.key}
              rowAttrs={(r) => ({ "data-key": r.key, "data-state": r.state })}
            />
          </Sub>
        </>
      ) : null}
    </section>
  );
}
