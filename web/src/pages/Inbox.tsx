// The conversation list, newest message first, with the filters
// GET /api/v1/conversations takes. A server without the route (404/405) is
// said so; more pages load with ?cursor=; the list stays live (hooks/useLive)
// and a row opens the conversation (#/inbox/<id>).
import { useEffect, useRef, useState } from "preact/hooks";
import { isAbort, request, toApiError, withQuery } from "../api";
import { DataTable } from "../components/DataTable";
import { ErrorBanner } from "../components/ErrorBanner";
import { LabeledInput, LabeledSelect, optionsOf } from "../components/Field";
import { Loading } from "../components/Loading";
import { Page } from "../components/Page";
import { formatLocal, formatMoney } from "../format";
import { useLive } from "../hooks/useLive";
import { t } from "../i18n";
import { fromLabel, STAGES, stageLabel, yesNo } from "../labels";
import { href } from "../router";
import { CHANNELS, type ConversationPage, type ConversationSummary } from "../types";

type Phase = "loading" | "missing" | "ready";
type Flag = "" | "true" | "false";

interface Filters {
  channel: string;
  stage: string;
  handoff: Flag;
  has_cart: Flag;
  from: string;
  to: string;
  q: string;
}

const NO_FILTERS: Filters = { channel: "", stage: "", handoff: "", has_cart: "", from: "", to: "", q: "" };
// Kept while the console is open: back from a conversation, the same list.
let remembered: Filters = NO_FILTERS;

function cursorOf(page: ConversationPage | null): string | null {
  const next = page?.next;
  return next === undefined || next === null || next === "" ? null : String(next);
}

function unreadText(v: number | boolean | undefined): string {
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return yesNo(v);
  return "–";
}

// Fresh first page first; rows loaded from later pages stay after it, once.
function merge(first: ConversationSummary[], old: ConversationSummary[]): ConversationSummary[] {
  const seen = new Set(first.map((c) => c.conversation_id));
  return [...first, ...old.filter((c) => !seen.has(c.conversation_id))];
}

// The list under the filters (null: not valid, nothing is read).
function useConversationList(filters: Filters | null) {
  const [phase, setPhase] = useState<Phase>("loading");
  const [rows, setRows] = useState<ConversationSummary[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [matched, setMatched] = useState<number | null>(null);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pages = useRef(0); // pages read under these filters
  const generation = useRef(0); // answers for older filters are dropped
  const key = JSON.stringify(filters);

  // how: "first" replaces the list, "more" appends the next page, "refresh"
  // merges a fresh first page into what is shown.
  async function load(how: "first" | "more" | "refresh", signal?: AbortSignal) {
    if (!filters) return;
    const mine = generation.current;
    const cursor = how === "more" ? next : null;
    try {
      const page = await request<ConversationPage>(withQuery("/api/v1/conversations", { ...filters, cursor }), {
        signal,
      });
      if (mine !== generation.current) return;
      const list = Array.isArray(page?.conversations) ? page.conversations : [];
      if (how === "more") {
        setRows((old) => merge(old, list));
        pages.current += 1;
      } else if (how === "first" || pages.current <= 1) {
        setRows(list);
        pages.current = 1;
      } else {
        setRows((old) => merge(list, old));
      }
      if (how !== "refresh" || pages.current <= 1) setNext(cursorOf(page));
      setMatched(typeof page?.matched === "number" ? page.matched : null);
      setError(null);
      setPhase("ready");
    } catch (e) {
      if (isAbort(e) || mine !== generation.current) return;
      const err = toApiError(e);
      if (how === "first" && (err.status === 404 || err.status === 405)) setPhase("missing");
      else {
        setError(err.message);
        if (how === "first") setPhase("ready");
      }
    }
  }

  useEffect(() => {
    generation.current += 1;
    pages.current = 0;
    setRows([]);
    setNext(null);
    setMatched(null);
    setError(null);
    if (!filters) return;
    setPhase("loading");
    const abort = new AbortController();
    void load("first", abort.signal);
    return () => abort.abort();
  }, [key]);

  useLive(filters && phase === "ready" ? { kind: "inbox" } : null, () => {
    if (!more) void load("refresh");
  });

  async function loadMore() {
    setMore(true);
    await load("more");
    setMore(false);
  }

  return { phase, rows, next, matched, more, error, loadMore };
}

type SelectKey = "channel" | "stage" | "handoff" | "has_cart";

// The filters chosen from a list, each with its "any" first.
function selects(): { key: SelectKey; label: string; options: { value: string; label: string }[] }[] {
  const flag = (yes: string, no: string) => [
    { value: "", label: t("inbox.any") },
    { value: "true", label: yes },
    { value: "false", label: no },
  ];
  return [
    { key: "channel", label: t("inbox.channel"), options: optionsOf(CHANNELS, (c) => c, t("inbox.all_channels")) },
    { key: "stage", label: t("inbox.stage"), options: optionsOf(STAGES, stageLabel, t("inbox.all_stages")) },
    { key: "handoff", label: t("inbox.human_mode"), options: flag(t("inbox.person_has_it"), t("inbox.bot_has_it")) },
    { key: "has_cart", label: t("inbox.has_cart"), options: flag(t("inbox.with_cart"), t("inbox.without_cart")) },
  ];
}

function FilterBar({ filters, onChange }: { filters: Filters; onChange: (f: Filters) => void }) {
  const [q, setQ] = useState(filters.q);
  useEffect(() => setQ(filters.q), [filters.q]);
  const set = <K extends keyof Filters>(k: K) => (v: Filters[K]) => onChange({ ...filters, [k]: v });

  function search(e: Event) {
    e.preventDefault();
    onChange({ ...filters, q: q.trim() });
  }

  return (
    <form class="filters" role="search" aria-label={t("inbox.filters")} onSubmit={search}>
      {selects().map((f) => (
        <LabeledSelect
          key={f.key}
          stacked
          id={`inbox-${f.key}`}
          label={f.label}
          value={filters[f.key]}
          onValue={(v) => onChange({ ...filters, [f.key]: v })}
          options={f.options}
        />
      ))}
      <LabeledInput stacked onCommit id="inbox-from" label={t("inbox.from")} type="date" value={filters.from} max={filters.to || undefined} onValue={set("from")} />
      <LabeledInput stacked onCommit id="inbox-to" label={t("inbox.to")} type="date" value={filters.to} min={filters.from || undefined} onValue={set("to")} />
      <LabeledInput
        stacked
        id="inbox-q"
        label={t("inbox.search")}
        type="search"
        maxLength={100}
        placeholder={t("inbox.search_placeholder")}
        value={q}
        onValue={setQ}
      />
      <div class="row-actions">
        <button type="submit">{t("inbox.apply")}</button>
        {JSON.stringify(filters) !== JSON.stringify(NO_FILTERS) ? (
          <button type="button" class="button-quiet" onClick={() => onChange(NO_FILTERS)}>
            {t("inbox.clear")}
          </button>
        ) : null}
      </div>
    </form>
  );
}

function open(e: MouseEvent, id: string) {
  // The id's link opens it by itself; a selection of text is not a click.
  if ((e.target as Element | null)?.closest("a") || getSelection()?.toString()) return;
  location.hash = href("inbox", id);
}

export function Inbox() {
  const [filters, setFilters] = useState<Filters>(remembered);
  const badRange = filters.from !== "" && filters.to !== "" && filters.from > filters.to;
  const list = useConversationList(badRange ? null : filters);
  const { phase, rows, next, matched } = list;
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);

  function change(f: Filters) {
    remembered = f;
    setFilters(f);
  }

  return (
    <Page name="inbox" title={t("inbox.title")}>
      {phase !== "missing" ? <FilterBar filters={filters} onChange={change} /> : null}
      <ErrorBanner message={badRange ? t("inbox.bad_range") : list.error} />
      {phase === "loading" && !badRange ? <Loading tall /> : null}
      {phase === "missing" ? <p class="empty">{t("inbox.missing")}</p> : null}
      {phase === "ready" && rows.length === 0 && !list.error ? (
        <p class="empty">{filtered ? t("inbox.no_match") : t("inbox.empty")}</p>
      ) : null}
      {phase === "ready" && rows.length > 0 && matched !== null ? (
        <p class="muted small" data-matched={matched}>
          {t("inbox.showing", rows.length, matched)}
        </p>
      ) : null}
      {phase === "ready" && rows.length > 0 ? (
        <DataTable
          label={t("inbox.title")}
          name="conversations"
          columns={[
            {
              head: t("inbox.conversation"),
              cls: "mono",
              cell: (c) => (
                <>
                  <a href={href("inbox", c.conversation_id)}>{c.conversation_id}</a>
                  {c.forgotten ? <span class="muted"> ({t("inbox.forgotten")})</span> : null}
                  {c.customer_name || c.customer_phone ? (
                    <span class="inbox-customer" data-customer>
                      {[c.customer_name, c.customer_phone].filter(Boolean).join(" · ")}
                    </span>
                  ) : null}
                </>
              ),
            },
            { head: t("inbox.channel"), cell: (c) => c.channel || "–" },
            { head: t("inbox.language"), cell: (c) => c.language || "–" },
            { head: t("inbox.stage"), cell: (c) => stageLabel(c.stage) },
            {
              head: t("inbox.last_message"),
              cls: "clip",
              attrs: (c) => ({ title: c.last_message }),
              cell: (c) => (
                <>
                  {c.last_from ? <span class="muted">{fromLabel(c.last_from)}: </span> : null}
                  {c.last_message ?? ""}
                </>
              ),
            },
            {
              head: t("inbox.last_at"),
              cls: "nowrap",
              cell: (c) => formatLocal(c.last_at_local),
            },
            {
              head: t("inbox.cart"),
              num: true,
              cell: (c) =>
                typeof c.cart_value_cents === "number" && c.cart_value_cents > 0
                  ? formatMoney(c.cart_value_cents, c.currency)
                  : "–",
            },
            { head: t("inbox.unread"), num: true, cell: (c) => unreadText(c.unread) },
            { head: t("inbox.handoff"), cell: (c) => (c.handoff ? t("inbox.handoff_on") : "–") },
          ]}
          rows={rows}
          rowKey={(c) => c.conversation_id}
          rowAttrs={(c) => ({
            "data-conversation": c.conversation_id,
            class: "row-link",
            onClick: (e: MouseEvent) => open(e, c.conversation_id),
          })}
        />
      ) : null}
      {phase === "ready" && next ? (
        <button type="button" class="button-secondary" onClick={list.loadMore} disabled={list.more}>
          {list.more ? t("common.loading") : t("inbox.load_more")}
        </button>
      ) : null}
    </Page>
  );
}
