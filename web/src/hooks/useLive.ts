// What tells a page that the server's data may have changed: the one place
// that decides how the console hears of changes.
//
// Today: a poll every 5 s while the page is visible, and at once when it
// becomes visible again (the server has no event stream yet). An event
// stream replaces pollWhileVisible in `liveSource` below and nothing else
// changes: it calls onChange for its topic — every change for the inbox, a
// change of that conversation for a conversation, and for both a "reload"
// (fell behind) — and closes when the last reader unsubscribes.
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

export const liveSource: LiveSource = pollWhileVisible(POLL_MS);

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
