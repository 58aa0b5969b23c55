// One conversation (#/inbox/<id>): its messages and a reply box, human mode,
// and beside them the cart, orders and customer; the events on demand
// (admin). The answer stays live (hooks/useLive).
import { useState } from "preact/hooks";
import { pathId, withQuery } from "../api";
import { ErrorBanner } from "../components/ErrorBanner";
import { Loading } from "../components/Loading";
import { Page } from "../components/Page";
import { useFetch } from "../hooks/useFetch";
import { t } from "../i18n";
import { href } from "../router";
import { useSession } from "../session";
import type { ConversationPage, ConversationView, EventEnvelope } from "../types";
import { Details } from "./conversation/Details";
import { Events } from "./conversation/Events";
import { Handoff } from "./conversation/Handoff";
import { Messages } from "./conversation/Messages";
import { handoffByFromEvents } from "./conversation/people";
import { Reply } from "./conversation/Reply";

const MESSAGES = 200;
const MAX_SEARCH = 100; // the inbox's q takes at most 100 bytes

// Since when a person has it: the inbox row says (the conversation's answer
// does not yet).
function useHandoffSince(id: string, on: boolean): string | null {
  const live = { kind: "conversation", id } as const;
  const path = on && new TextEncoder().encode(id).length <= MAX_SEARCH ? withQuery("/api/v1/conversations", { q: id, limit: 200 }) : null;
  const row = useFetch<ConversationPage>(path, live).data?.conversations?.find((c) => c.conversation_id === id);
  const us = row?.handoff ? row.handoff_since_us ?? 0 : 0;
  return us > 0 ? new Date(us / 1000).toISOString() : null;
}

export function Conversation({ id }: { id: string }) {
  const { user } = useSession();
  const view = useFetch<ConversationView>(`/api/v1/conversations/${pathId(id)}?limit=${MESSAGES}`, {
    kind: "conversation",
    id,
  });
  const [events, setEvents] = useState<EventEnvelope[] | null>(null);
  const v = view.data;
  const on = v?.handoff === true;
  const rowSince = useHandoffSince(id, on);
  const since = on ? (v?.handoff_since ?? rowSince) : null;
  const by = on ? v?.handoff_by || handoffByFromEvents(events) : "";

  return (
    <Page name="conversation" title={id} titleClass="mono-title" back={{ href: href("inbox"), label: t("conv.back") }}>
      <ErrorBanner message={view.error?.message} />
      {view.loading && !v ? <Loading tall /> : null}
      {v ? (
        <div class="conversation-grid" data-conversation-page={id}>
          <div class="conversation-main">
            <Handoff conversationId={id} on={on} since={since} by={by} onChanged={view.refresh} />
            <Messages messages={v.messages ?? []} total={(v.received ?? 0) + (v.sent ?? 0)} />
            <Reply conversationId={id} language={v.language ?? "en"} onSent={view.refresh} />
          </div>
          <Details view={v} />
        </div>
      ) : null}
      {v && user.role === "admin" ? <Events conversationId={id} onEvents={setEvents} /> : null}
    </Page>
  );
}
