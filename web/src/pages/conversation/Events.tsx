// The conversation's events, on demand (GET …/events; admin only).
import { useEffect, useState } from "preact/hooks";
import { pathId } from "../../api";
import { DataTable } from "../../components/DataTable";
import { FetchState } from "../../components/FetchState";
import { formatIso } from "../../format";
import { useFetch } from "../../hooks/useFetch";
import { t } from "../../i18n";
import type { EventEnvelope } from "../../types";
import { learnFromEvents } from "./people";
import type { Answer } from "../../openapi";

function payloadText(p: unknown): string {
  return typeof p === "string" ? p : JSON.stringify(p);
}

export function Events({ conversationId, onEvents }: { conversationId: string; onEvents: (e: EventEnvelope[]) => void }) {
  const [shown, setShown] = useState(false);
  const fetched = useFetch<Answer<"/api/v1/conversations/{conversation_id}/events">>(
    shown ? `/api/v1/conversations/${pathId(conversationId)}/events?limit=1000` : null,
  );
  const events = fetched.data?.events ?? [];

  useEffect(() => {
    if (!fetched.data) return;
    learnFromEvents(events);
    onEvents(events);
  }, [fetched.data]);

  return (
    <section class="card" aria-labelledby="conv-events-title">
      <div class="section-header">
        <h2 id="conv-events-title">{t("conv.events")}</h2>
        <button type="button" class="button-secondary" data-action="show-events" aria-expanded={shown} onClick={() => setShown(!shown)}>
          {shown ? t("conv.hide_events") : t("conv.show_events")}
        </button>
      </div>
      {shown ? (
        <>
          <FetchState of={fetched} empty={events.length === 0} emptyText={t("conv.no_events")} />
          {events.length ? (
            <DataTable
              label={t("conv.events")}
              name="events"
              columns={[
                { head: t("conv.event_seq"), num: true, cell: (e) => e.seq },
                { head: t("conv.event_time"), cls: "nowrap", cell: (e) => formatIso(e.timestamp) },
                { head: t("conv.event_type"), cls: "mono", cell: (e) => e.type },
                { head: t("conv.event_payload"), cls: "payload", cell: (e) => <code>{payloadText(e.payload)}</code> },
              ]}
              rows={events}
              rowKey={(e) => String(e.seq)}
              rowAttrs={(e) => ({ "data-event": e.type })}
            />
          ) : null}
        </>
      ) : null}
    </section>
  );
}
