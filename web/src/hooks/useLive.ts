// What tells a page that the server's data may have changed: the one place
// that decides how the console hears of changes.
//
// The server's event stream (GET /api/v1/inbox/events, Server-Sent Events):
// one EventSource shared by every reader, opened with the first and closed
// with the last. The inbox hears every row change ("conversation"), a
// conversation page only its own row's and its delivery news ("delivery"),
// and both a "reload" (the stream fell behind). If the stream cannot be
// had (the server is busy with other streams, or it ends for good), the
// readers fall back to a poll every 5 s while the page is visible.
import { useEffect, useRef } from "preact/hooks";

export type LiveTopic = { kind: "inbox" } | { kind: "conversation"; id: string };
export type LiveSource = (topic: LiveTopic, onChange: () => void) => () => void;

export const POLL_MS = 5000;

function pollWhileVisible(ms: number): LiveSource {
  return (_topic, onChange) => {
    let timer: number | undefined;
    const start = () => {
      if (timer === undefined && document.visibilityState === "visible") timer = window.setInterval(onChange, ms);
    };
    const stop = () => {
      if (timer !== undefined) window.clearInterval(timer);
      timer = undefined;
    };
    const onVisibility = () => {
      if (document.visibilityState !== "visible") return stop();
      onChange();
      start();
    };
    document.addEventListener("visibilitychange", onVisibility);
    start();
    return () => {
      stop();
      document.removeEventListener("visibilitychange", onVisibility);
    };
  };
}

const poll = pollWhileVisible(POLL_MS);

interface Reader {
  topic: LiveTopic;
  onChange: () => void;
  stopPolling?: () => void;
}

// Calls to a reader within this window are folded into one.
const SETTLE_MS = 250;

function eventStream(url: string): LiveSource {
  const readers = new Set<Reader>();
  let source: EventSource | null = null;
  let failed = false;
  const timers = new Map<Reader, number>();

  const tell = (reader: Reader) => {
    if (timers.has(reader)) return;
    timers.set(
      reader,
      window.setTimeout(() => {
        timers.delete(reader);
        reader.onChange();
      }, SETTLE_MS),
    );
  };
  const fallBack = () => {
    failed = true;
    source?.close();
    source = null;
    for (const r of readers) if (!r.stopPolling) r.stopPolling = poll(r.topic, r.onChange);
  };
  const open = () => {
    if (source || failed || typeof EventSource === "undefined") {
      if (typeof EventSource === "undefined") fallBack();
      return;
    }
    source = new EventSource(url, { withCredentials: true });
    const idOf = (e: Event): string | null => {
      try {
        return String(JSON.parse((e as MessageEvent).data).conversation_id ?? "");
      } catch {
        return null;
      }
    };
    // A row of the inbox changed: the inbox and that conversation's page.
    source.addEventListener("conversation", (e) => {
      const id = idOf(e);
      if (id === null) return;
      for (const r of readers)
        if (r.topic.kind === "inbox" || (r.topic.kind === "conversation" && r.topic.id === id)) tell(r);
    });
    // Only a conversation's page changed (a delivery tick): its readers alone.
    source.addEventListener("delivery", (e) => {
      const id = idOf(e);
      if (id === null) return;
      for (const r of readers) if (r.topic.kind === "conversation" && r.topic.id === id) tell(r);
    });
    source.addEventListener("reload", () => {
      for (const r of readers) tell(r);
    });
    // A closed source is one the browser will not reopen (an HTTP error such
    // as 503 busy): poll instead. A dropped connection reconnects by itself.
    source.onerror = () => {
      if (source && source.readyState === EventSource.CLOSED) fallBack();
    };
  };

  return (topic, onChange) => {
    const reader: Reader = { topic, onChange };
    readers.add(reader);
    if (failed) reader.stopPolling = poll(topic, onChange);
    else open();
    return () => {
      readers.delete(reader);
      reader.stopPolling?.();
      const t = timers.get(reader);
      if (t !== undefined) window.clearTimeout(t);
      timers.delete(reader);
      if (readers.size === 0 && source) {
        source.close();
        source = null;
      }
    };
  };
}

export const liveSource: LiveSource = eventStream("/api/v1/inbox/events");

// Calls onChange (its latest version) whenever the topic may have changed;
// null listens to nothing.
export function useLive(topic: LiveTopic | null, onChange: () => void): void {
  const latest = useRef(onChange);
  latest.current = onChange;
  const key = topic ? JSON.stringify(topic) : "";
  useEffect(() => {
    if (!topic) return;
    return liveSource(topic, () => latest.current());
  }, [key]);
}
