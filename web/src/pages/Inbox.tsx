// The conversation list, newest message first. A server without
// GET /api/v1/conversations (404/405) is said so; pages load with ?cursor=.
import { useEffect, useState } from "preact/hooks";
import { isAbort, request, toApiError, withQuery } from "../api";
import { ErrorBanner } from "../components/ErrorBanner";
import { Loading } from "../components/Loading";
import { TableWrap } from "../components/TableWrap";
import { formatIso, formatLocal, formatMoney } from "../format";
import { t } from "../i18n";
import { stageLabel, yesNo } from "../labels";
import type { ConversationPage, ConversationSummary } from "../types";

type Phase = "loading" | "missing" | "ready";

function cursorOf(page: ConversationPage | null): string | null {
  const next = page?.next;
  return next === undefined || next === null || next === "" ? null : String(next);
}

function fromLabel(from: string): string {
  if (from === "shopper") return t("inbox.from_shopper");
  if (from === "bot") return t("inbox.from_bot");
  if (from === "person") return t("inbox.from_person");
  return from;
}

function unreadText(v: number | boolean | undefined): string {
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return yesNo(v);
  return "–";
}

export function Inbox() {
  const [phase, setPhase] = useState<Phase>("loading");
  const [rows, setRows] = useState<ConversationSummary[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [matched, setMatched] = useState<number | null>(null);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function load(cursor: string | null, signal?: AbortSignal) {
    try {
      const page = await request<ConversationPage>(
        withQuery("/api/v1/conversations", { cursor }),
        { signal },
      );
      const list = Array.isArray(page?.conversations) ? page.conversations : [];
      setRows((old) => (cursor ? [...old, ...list] : list));
      setNext(cursorOf(page));
      setMatched(typeof page?.matched === "number" ? page.matched : null);
      setError(null);
      setPhase("ready");
    } catch (e) {
      if (isAbort(e)) return;
      const err = toApiError(e);
      if (!cursor && (err.status === 404 || err.status === 405)) setPhase("missing");
      else {
        setError(err.message);
        if (!cursor) setPhase("ready");
      }
    }
  }

  useEffect(() => {
    const abort = new AbortController();
    void load(null, abort.signal);
    return () => abort.abort();
  }, []);

  async function loadMore() {
    setMore(true);
    await load(next);
    setMore(false);
  }

  return (
    <section class="page" aria-labelledby="inbox-title">
      <h1 id="inbox-title">{t("inbox.title")}</h1>
      <ErrorBanner message={error} />
      {phase === "loading" ? <Loading tall /> : null}
      {phase === "missing" ? <p class="empty">{t("inbox.missing")}</p> : null}
      {phase === "ready" && rows.length === 0 && !error ? <p class="empty">{t("inbox.empty")}</p> : null}
      {phase === "ready" && rows.length > 0 && matched !== null ? (
        <p class="muted small" data-matched={matched}>
          {t("inbox.showing", rows.length, matched)}
        </p>
      ) : null}
      {phase === "ready" && rows.length > 0 ? (
        <TableWrap label={t("inbox.title")}>
          <table data-table="conversations">
            <thead>
              <tr>
                <th scope="col">{t("inbox.conversation")}</th>
                <th scope="col">{t("inbox.channel")}</th>
                <th scope="col">{t("inbox.language")}</th>
                <th scope="col">{t("inbox.stage")}</th>
                <th scope="col">{t("inbox.last_message")}</th>
                <th scope="col">{t("inbox.last_at")}</th>
                <th scope="col" class="num">{t("inbox.cart")}</th>
                <th scope="col" class="num">{t("inbox.unread")}</th>
                <th scope="col">{t("inbox.handoff")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c, i) => (
                <tr key={`${c.conversation_id}-${i}`} data-conversation={c.conversation_id}>
                  <td class="mono">{c.conversation_id}</td>
                  <td>{c.channel || "–"}</td>
                  <td>{c.language || "–"}</td>
                  <td>{stageLabel(c.stage)}</td>
                  <td class="clip" title={c.last_message}>
                    {c.last_from ? <span class="muted">{fromLabel(c.last_from)}: </span> : null}
                    {c.last_message ?? ""}
                  </td>
                  <td class="nowrap">{c.last_at_local ? formatLocal(c.last_at_local) : formatIso(c.last_at)}</td>
                  <td class="num">
                    {typeof c.cart_value_cents === "number" && c.cart_value_cents > 0
                      ? formatMoney(c.cart_value_cents, c.currency)
                      : "–"}
                  </td>
                  <td class="num">{unreadText(c.unread)}</td>
                  <td>{c.handoff ? t("inbox.handoff_on") : "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
      {phase === "ready" && next ? (
        <button type="button" class="button-secondary" onClick={loadMore} disabled={more}>
          {more ? t("common.loading") : t("inbox.load_more")}
        </button>
      ) : null}
    </section>
  );
}
