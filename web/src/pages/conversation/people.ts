// Who wrote a message, and who switched human mode on, in words.
//
// The conversation's answer names a message's author when it carries
// `author`; until then the console learns authors from the events an admin
// opens and from the replies sent here (kept while the console is open).
import type { ConversationMessage, EventEnvelope } from "../../types";

export type From = "shopper" | "bot" | "person";

const learned = new Map<string, string>(); // message id -> author

export function learnAuthor(messageId: string, author: string): void {
  if (messageId && author) learned.set(messageId, author);
}

export function learnFromEvents(events: EventEnvelope[]): void {
  for (const e of events) {
    if (e.type !== "conversation.message_sent") continue;
    const p = e.payload as { message_id?: unknown; author?: unknown } | null;
    if (typeof p?.message_id === "string" && typeof p.author === "string") learnAuthor(p.message_id, p.author);
  }
}

export function authorOf(m: ConversationMessage): string {
  return m.author || learned.get(m.id) || "";
}

export function fromOf(m: ConversationMessage): From {
  if (m.direction === "in") return "shopper";
  return authorOf(m) ? "person" : "bot";
}

// "operator:sam" -> "sam", "manager:+34600…" -> "+34600…".
export function personName(by: string): string {
  const colon = by.indexOf(":");
  return colon >= 0 ? by.slice(colon + 1) : by;
}

// Who switched human mode on last, from the events (admin).
export function handoffByFromEvents(events: EventEnvelope[] | null | undefined): string {
  let by = "";
  for (const e of events ?? []) {
    if (e.type === "conversation.handoff_requested") {
      const p = e.payload as { by?: unknown } | null;
      by = typeof p?.by === "string" ? p.by : "";
    } else if (e.type === "conversation.handoff_ended") by = "";
  }
  return by;
}
