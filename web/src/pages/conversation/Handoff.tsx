// Human mode: who has the conversation and since when, and the button that
// takes it over or hands it back (POST …/handoff {"on"}).
import { useState } from "preact/hooks";
import { pathId, request } from "../../api";
import { Outcome } from "../../components/Outcome";
import { formatIso } from "../../format";
import { useAction } from "../../hooks/useAction";
import { t } from "../../i18n";
import type { HandoffAnswer } from "../../types";
import { personName } from "./people";

interface Props {
  conversationId: string;
  on: boolean; // the conversation's own answer
  since: string | null; // ISO, when the server said
  by: string; // "" when unknown
  onChanged: () => void;
}

function isoOfMicros(us: number): string | null {
  return us > 0 ? new Date(us / 1000).toISOString() : null;
}

export function Handoff({ conversationId, on, since, by, onChanged }: Props) {
  const { busy, error, run } = useAction();
  const [answer, setAnswer] = useState<HandoffAnswer | null>(null);
  const [note, setNote] = useState("");

  async function toggle(next: boolean) {
    setNote("");
    const a = await run(() =>
      request<HandoffAnswer>(`/api/v1/conversations/${pathId(conversationId)}/handoff`, {
        method: "POST",
        body: { on: next },
      }),
    );
    if (!a) return;
    setAnswer(a);
    setNote(a.handoff ? t("conv.taken") : t("conv.handed_back"));
    onChanged();
  }

  // Our own answer counts until the conversation's says otherwise; it also
  // names who, which the conversation's answer may not.
  const mine = answer && answer.handoff === on ? answer : null;
  const sinceIso = since ?? (mine ? isoOfMicros(mine.since_us) : null);
  const who = by || (mine && (!since || isoOfMicros(mine.since_us) === since) ? mine.by : "");

  return (
    <div class="handoff card" data-handoff={on ? "on" : "off"}>
      <p class="handoff-state">
        <strong>{on ? t("conv.handoff_on") : t("conv.handoff_off")}</strong>
        {on && who ? (
          <span data-handoff-by={who}> {who === "shopper" ? t("conv.by_shopper") : t("conv.handoff_by", personName(who))}</span>
        ) : null}
        {on && who && sinceIso ? " ·" : null}
        {on && sinceIso ? <span class="nowrap"> {t("conv.handoff_since", formatIso(sinceIso))}</span> : null}
      </p>
      <div class="row-actions">
        {on ? (
          <button type="button" class="button-secondary" data-action="hand-back" disabled={busy} onClick={() => void toggle(false)}>
            {t("conv.hand_back")}
          </button>
        ) : (
          <button type="button" data-action="take-over" disabled={busy} onClick={() => void toggle(true)}>
            {t("conv.take_over")}
          </button>
        )}
      </div>
      <Outcome note={note} error={error} />
    </div>
  );
}
