// The outbox (admin): messages waiting to go out and those given up on
// (dead letters), from GET /api/v1/outbox; a dead letter can be sent again
// (POST /api/v1/outbox/{id}/retry).
import { useState } from "preact/hooks";
import { pathId, request, withQuery } from "../api";
import { DataTable } from "../components/DataTable";
import { FetchState } from "../components/FetchState";
import { LabeledSelect } from "../components/Field";
import { Outcome } from "../components/Outcome";
import { Page } from "../components/Page";
import { useAction } from "../hooks/useAction";
import { useFetch } from "../hooks/useFetch";
import { t } from "../i18n";

interface OutboxMessage {
  id: string;
  channel: string;
  recipient: string;
  conversation_id?: string;
  text: string;
  state: string;
  parts_done: number;
  parts: number;
  attempts: number;
  last_error?: string;
}
interface OutboxAnswer {
  messages: OutboxMessage[];
  pending: number;
  dead: number;
  delivered_since_start: number;
}

type Shown = "dead" | "pending";

function Retry({ message, onDone }: { message: OutboxMessage; onDone: () => void }) {
  const { busy, error, run } = useAction();
  async function retry() {
    const ok = await run(() =>
      request(`/api/v1/outbox/${pathId(message.id)}/retry`, { method: "POST", body: {} }).then(() => true),
    );
    if (ok) onDone();
  }
  return (
    <>
      <button type="button" data-action="retry" disabled={busy} onClick={retry}>
        {t("outbox.retry")}
      </button>
      <Outcome inline note="" error={error} />
    </>
  );
}

export function Outbox() {
  const [shown, setShown] = useState<Shown>("dead");
  const fetched = useFetch<OutboxAnswer>(withQuery("/api/v1/outbox", { state: shown, limit: "100" }));
  const data = fetched.data;
  const messages = data?.messages ?? [];
  return (
    <Page name="outbox" title={t("outbox.title")}>
      <div class="filters">
        <LabeledSelect
          id="outbox-state"
          label={t("outbox.show")}
          value={shown}
          onValue={setShown}
          options={[
            { value: "dead", label: t("outbox.dead") },
            { value: "pending", label: t("outbox.pending") },
          ]}
        />
      </div>
      {data ? (
        <p class="muted" data-outbox-counts>
          {t("outbox.counts", data.pending, data.dead, data.delivered_since_start)}
        </p>
      ) : null}
      <FetchState of={fetched} empty={messages.length === 0} emptyText={t("outbox.empty")} />
      {messages.length ? (
        <DataTable
          label={t("outbox.title")}
          name="outbox"
          columns={[
            { head: t("outbox.recipient"), cls: "mono", cell: (m) => `${m.channel}:${m.recipient}` },
            { head: t("outbox.text"), cell: (m) => m.text },
            { head: t("outbox.state"), cell: (m) => m.state },
            { head: t("outbox.attempts"), num: true, cell: (m) => m.attempts },
            { head: t("outbox.error"), cell: (m) => m.last_error || "–" },
            {
              head: "",
              cell: (m) => (m.state === "dead" ? <Retry message={m} onDone={fetched.reload} /> : null),
            },
          ]}
          rows={messages}
          rowKey={(m) => m.id}
          rowAttrs={(m) => ({ "data-outbox-message": m.id })}
        />
      ) : null}
    </Page>
  );
}
