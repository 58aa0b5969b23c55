// The billing and funnel answers' row lists (http/analytics_api.cpp), and what
// the dashboard makes of them: usage summed by provider, model or agent, and
// day series for the charts. The shapes are docs/openapi.json's.
import { addDays } from "../../format";
import type { Billing, Funnel } from "../../types";

// GET /api/v1/analytics/billing: "usage", a row per day × provider × model × agent × channel.
export type UsageRow = Billing["usage"][number];

export type BillingAnswer = Billing;

// GET /api/v1/analytics/funnel: "days", a row per day × channel.
export type FunnelDay = Funnel["days"][number];

export type FunnelAnswer = Funnel;

export const GROUPINGS = ["all", "provider", "model", "agent"] as const;
export type Grouping = (typeof GROUPINGS)[number];
export type KeyField = "provider" | "model" | "agent";

// The columns that name a group.
export function keysOf(by: Grouping): KeyField[] {
  return by === "all" ? ["provider", "model", "agent"] : [by];
}

export interface UsageGroup {
  key: string; // the names as a JSON list: unique, though a name may hold "/"
  provider?: string;
  model?: string;
  agent?: string;
  calls: number;
  failed: number;
  input_tokens: number;
  output_tokens: number;
  cost_micros: number;
  cost_usd: number;
}

export const SUMMED = ["calls", "failed", "input_tokens", "output_tokens", "cost_micros"] as const;

const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : 0);

// The usage rows summed per group, most expensive first (then most calls,
// then by name). The cost is summed in micro-dollars, as the server does.
export function groupUsage(rows: UsageRow[], by: Grouping): UsageGroup[] {
  const keys = keysOf(by);
  const groups = new Map<string, UsageGroup>();
  for (const r of rows) {
    const names = keys.map((k) => String(r[k] ?? ""));
    const key = JSON.stringify(names);
    let g = groups.get(key);
    if (!g) {
      g = { key, calls: 0, failed: 0, input_tokens: 0, output_tokens: 0, cost_micros: 0, cost_usd: 0 };
      keys.forEach((k, i) => (g![k] = names[i]));
      groups.set(key, g);
    }
    for (const f of SUMMED) g[f] += num(r[f]);
  }
  const list = [...groups.values()];
  for (const g of list) g.cost_usd = g.cost_micros / 1e6;
  return list.sort((a, b) => b.cost_micros - a.cost_micros || b.calls - a.calls || a.key.localeCompare(b.key));
}

// Every group summed: the table's total row.
export function sumGroups(groups: UsageGroup[]): Record<(typeof SUMMED)[number], number> {
  const total = { calls: 0, failed: 0, input_tokens: 0, output_tokens: 0, cost_micros: 0 };
  for (const g of groups) for (const f of SUMMED) total[f] += g[f];
  return total;
}

const MAX_FILLED_DAYS = 1000;

// Every day from `from` to `to`, or null when the range is too long to fill
// (the charts then show only the days with rows).
function everyDay(from: string, to: string): string[] | null {
  const xs: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    if (xs.length >= MAX_FILLED_DAYS) return null;
    xs.push(d);
  }
  return xs;
}

// Rows summed per day for each of `fields`: the x values (every day of the
// range, 0 where there is no row) and one list of y values per field.
export function daySeries<R extends { day: string }, F extends keyof R & string>(
  rows: R[],
  fields: readonly F[],
  from: string,
  to: string,
): { days: string[]; values: Record<F, number[]> } {
  const sums = new Map<string, Record<string, number>>();
  for (const r of rows) {
    const s = sums.get(r.day) ?? {};
    for (const f of fields) s[f] = (s[f] ?? 0) + num(r[f]);
    sums.set(r.day, s);
  }
  const days = everyDay(from, to) ?? [...sums.keys()].sort();
  const values = {} as Record<F, number[]>;
  for (const f of fields) values[f] = days.map((d) => sums.get(d)?.[f] ?? 0);
  return { days, values };
}
