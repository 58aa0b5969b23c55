// The messages, oldest first: the shopper's on one side, ours (the bot's or
// a person's) on the other, with photos as links and delivery ticks.
import { useEffect, useRef } from "preact/hooks";
import { formatIso } from "../../format";
import { t } from "../../i18n";
import { deliveryLabel, fromLabel } from "../../labels";
import type { ConversationMessage, DeliveryStatus, Media } from "../../types";
import { authorOf, fromOf, personName } from "./people";

const TICKS: Record<DeliveryStatus, string> = { sending: "…", sent: "✓", delivered: "✓✓", read: "✓✓", failed: "✗" };

function deliveryOf(m: ConversationMessage): DeliveryStatus | null {
  const s = m.delivery_status;
  return s !== undefined && s in TICKS ? (s as DeliveryStatus) : null;
}

function Tick({ status }: { status: DeliveryStatus }) {
  const words = deliveryLabel(status);
  return (
    <span class={`tick tick-${status}`} data-delivery={status} role="img" aria-label={words} title={words}>
      {TICKS[status]}
    </span>
  );
}

// Only web links open; anything else (javascript:, data:) is shown as text.
function safeUrl(url: string): string | null {
  try {
    const u = new URL(url, location.href);
    return u.protocol === "https:" || u.protocol === "http:" ? u.href : null;
  } catch {
    return null;
  }
}

function MediaList({ media }: { media: Media[] }) {
  return (
    <ul class="msg-media" aria-label={t("conv.attachments")}>
      {media.map((x, i) => {
        const url = safeUrl(x.url);
        const text = x.caption || x.url;
        return (
          <li key={i}>
            {url ? (
              <a href={url} target="_blank" rel="noopener noreferrer">
                {text}
              </a>
            ) : (
              text
            )}
          </li>
        );
      })}
    </ul>
  );
}

function Message({ m }: { m: ConversationMessage }) {
  const from = fromOf(m);
  const author = authorOf(m);
  const delivery = m.direction === "out" ? deliveryOf(m) : null;
  return (
    <li class={`msg msg-${from}`} data-message={m.id} data-from={from}>
      <div class="msg-meta">
        <span class="msg-who">
          {fromLabel(from)}
          {author ? ` · ${personName(author)}` : ""}
        </span>
        <time dateTime={m.at}>{formatIso(m.at)}</time>
        {delivery ? <Tick status={delivery} /> : null}
      </div>
      {m.text ? <div class="msg-text">{m.text}</div> : null}
      {m.media?.length ? <MediaList media={m.media} /> : null}
    </li>
  );
}

export function Messages({ messages, total }: { messages: ConversationMessage[]; total: number }) {
  const box = useRef<HTMLDivElement>(null);
  const last = messages[messages.length - 1]?.id ?? "";
  const atBottom = useRef(true);

  // The newest message in view: at first, and when one arrives while the
  // reader is at the bottom (not while they read further up).
  useEffect(() => {
    const el = box.current;
    if (el && atBottom.current) el.scrollTop = el.scrollHeight;
  }, [last]);

  function onScroll() {
    const el = box.current;
    if (el) atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
  }

  return (
    <div class="messages-box" ref={box} onScroll={onScroll} role="region" aria-label={t("conv.messages")} tabIndex={0}>
      {total > messages.length ? <p class="muted small">{t("conv.earlier", messages.length)}</p> : null}
      {messages.length ? (
        <ol class="messages">
          {messages.map((m) => (
            <Message key={m.id} m={m} />
          ))}
        </ol>
      ) : (
        <p class="empty">{t("conv.no_messages")}</p>
      )}
    </div>
  );
}
