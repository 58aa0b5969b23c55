// Nudge outcomes counted: kind × state, the reasons of the skipped and
// cancelled ones, and the latest rows. Kinds and states the console does not
// know yet still count, after the known ones.
import { t, type MessageKey } from "../../i18n";
import { NUDGE_KINDS, NUDGE_STATES, type NudgeRow } from "./types";

export interface KindCounts {
  kind: string;
  by: Record<string, number>; // state -> count
  total: number;
}

function ordered(known: readonly string[], seen: Iterable<string>): string[] {
  const extra = [...new Set(seen)].filter((s) => !known.includes(s)).sort();
  return [...known, ...extra];
}

export function statesOf(rows: NudgeRow[]): string[] {
  return ordered(NUDGE_STATES, rows.map((r) => r.state));
}

// Only the kinds with rows, known ones first.
export function countByKind(rows: NudgeRow[]): KindCounts[] {
  const by = new Map<string, KindCounts>();
  for (const r of rows) {
    const k = by.get(r.kind) ?? { kind: r.kind, by: {}, total: 0 };
    k.by[r.state] = (k.by[r.state] ?? 0) + 1;
    k.total += 1;
    by.set(r.kind, k);
  }
  return ordered(NUDGE_KINDS, by.keys())
    .filter((k) => by.has(k))
    .map((k) => by.get(k)!);
}

export interface ReasonCount {
  kind: string;
  state: string;
  reason: string;
  count: number;
}

// Why nudges were skipped or cancelled, the most frequent first.
export function countReasons(rows: NudgeRow[]): ReasonCount[] {
  const by = new Map<string, ReasonCount>();
  for (const r of rows) {
    if (r.state !== "skipped" && r.state !== "cancelled") continue;
    const reason = r.reason ?? "";
    const key = `${r.kind}\u0000${r.state}\u0000${reason}`;
    const c = by.get(key) ?? { kind: r.kind, state: r.state, reason, count: 0 };
    c.count += 1;
    by.set(key, c);
  }
  return [...by.values()].sort(
    (a, b) => b.count - a.count || a.kind.localeCompare(b.kind) || a.state.localeCompare(b.state) || a.reason.localeCompare(b.reason),
  );
}

// The rows that changed last: settled, else scheduled.
export function latest(rows: NudgeRow[], n: number): NudgeRow[] {
  const at = (r: NudgeRow) => r.settled_us ?? r.scheduled_us ?? r.due_us ?? 0;
  return [...rows].sort((a, b) => at(b) - at(a) || a.key.localeCompare(b.key)).slice(0, n);
}

function words(map: Record<string, MessageKey>) {
  return (code: string | undefined): string => {
    if (!code) return "–";
    return code in map ? t(map[code] as MessageKey) : code;
  };
}

export const nudgeKindLabel = words({ nudge: "dashboard.kind_nudge", follow_up: "dashboard.kind_follow_up" });

export const nudgeStateLabel = words({
  scheduled: "dashboard.nudge_scheduled",
  sent: "dashboard.nudge_sent",
  skipped: "dashboard.nudge_skipped",
  cancelled: "dashboard.nudge_cancelled",
});

export const nudgeReasonLabel = words({
  disabled: "dashboard.reason_disabled",
  handoff: "dashboard.reason_handoff",
  not_shopping: "dashboard.reason_not_shopping",
  order_placed: "dashboard.reason_order_placed",
  limit: "dashboard.reason_limit",
  outside_24h_window: "dashboard.reason_outside_24h_window",
  superseded: "dashboard.reason_superseded",
  lead_won: "dashboard.reason_lead_won",
  lead_lost: "dashboard.reason_lead_lost",
});
