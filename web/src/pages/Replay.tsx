// Replay (admin): the recorded conversations since a day answered again by a
// candidate brain or responder prompt, in memory on the server
// (POST /api/v1/admin/replay, the same report as `parley replay`): where the
// replies, carts and orders would differ, before a shop switches.
import { useState } from "preact/hooks";
import { request } from "../api";
import { LabeledField, LabeledInput, LabeledSelect } from "../components/Field";
import { Outcome } from "../components/Outcome";
import { Page } from "../components/Page";
import { useAction } from "../hooks/useAction";
import { t } from "../i18n";
import type { Answer } from "../openapi";

type Report = Answer<"/api/v1/admin/replay", "post">;
type Diff = Report["conversations"][number]["diffs"][number];

const BRAINS = ["", "offline", "openai", "anthropic", "gemini", "xai", "openrouter", "groq", "ollama", "llamacpp"] as const;

function weekAgo(): string {
  return new Date(Date.now() - 7 * 86400000).toISOString().slice(0, 10);
}

function Side({ label, recorded, candidate }: { label: string; recorded: string; candidate: string }) {
  return (
    <div class="replay-side" data-replay-side={label}>
      <strong>{label}</strong>
      <div class="replay-pair">
        <div data-recorded>
          <span class="muted">{t("replay.recorded")}</span>
          <pre>{recorded || "–"}</pre>
        </div>
        <div data-candidate>
          <span class="muted">{t("replay.candidate")}</span>
          <pre>{candidate || "–"}</pre>
        </div>
      </div>
    </div>
  );
}

function DiffRow({ d }: { d: Diff }) {
  return (
    <li data-replay-turn={d.turn}>
      <p>
        {t("replay.turn", d.turn)}: <q>{d.inbound}</q>
      </p>
      {d.replies ? (
        <Side label={t("replay.replies")} recorded={d.replies.recorded.join("\n\n")} candidate={d.replies.candidate.join("\n\n")} />
      ) : null}
      {d.cart ? <Side label={t("replay.cart")} recorded={d.cart.recorded} candidate={d.cart.candidate} /> : null}
      {d.order ? <Side label={t("replay.order")} recorded={d.order.recorded} candidate={d.order.candidate} /> : null}
    </li>
  );
}

function ReportView({ report }: { report: Report }) {
  return (
    <section data-replay-report>
      <p data-replay-counts>
        {t("replay.counts", report.differing_turns, report.turns, report.conversations_differing, report.conversations.length)}
      </p>
      {report.conversations
        .filter((c) => c.differing > 0)
        .map((c) => (
          <article key={c.conversation_id} data-replay-conversation={c.conversation_id}>
            <h2 class="mono">{c.conversation_id}</h2>
            <p class="muted">{t("replay.differing", c.differing, c.turns)}</p>
            <ol>
              {c.diffs.map((d) => (
                <DiffRow key={d.turn} d={d} />
              ))}
            </ol>
          </article>
        ))}
    </section>
  );
}

export function Replay() {
  const [since, setSince] = useState(weekAgo());
  const [brain, setBrain] = useState<(typeof BRAINS)[number]>("");
  const [model, setModel] = useState("");
  const [prompt, setPrompt] = useState("");
  const [only, setOnly] = useState("");
  const [report, setReport] = useState<Report | null>(null);
  const { busy, error, run } = useAction();

  async function replay(e: Event) {
    e.preventDefault();
    setReport(null);
    const conversations = only.split(/[\s,]+/).filter((c) => c !== "");
    const body: Record<string, unknown> = { since };
    if (brain) body.brain = brain;
    if (model.trim()) body.model = model.trim();
    if (prompt.trim()) body.prompt = prompt;
    if (conversations.length) body.conversations = conversations;
    const answer = await run(() => request<Report>("/api/v1/admin/replay", { method: "POST", body }));
    if (answer) setReport(answer);
  }

  return (
    <Page name="replay" title={t("replay.title")}>
      <p class="muted">{t("replay.intro")}</p>
      <form class="grid" onSubmit={replay} data-replay-form>
        <LabeledInput id="replay-since" label={t("replay.since")} stacked type="date" required value={since} onValue={setSince} />
        <LabeledSelect
          id="replay-brain"
          label={t("replay.brain")}
          stacked
          value={brain}
          onValue={setBrain}
          options={BRAINS.map((b) => ({ value: b, label: b === "" ? t("replay.brain_shop") : b }))}
        />
        <LabeledInput id="replay-model" label={t("replay.model")} stacked value={model} onValue={setModel} />
        <LabeledInput id="replay-only" label={t("replay.only")} stacked value={only} onValue={setOnly} placeholder="telegram:4242" />
        <LabeledField id="replay-prompt" label={t("replay.prompt")} stacked>
          <textarea id="replay-prompt" rows={5} value={prompt} onInput={(e) => setPrompt(e.currentTarget.value)} />
        </LabeledField>
        <div>
          <button type="submit" data-action="replay" disabled={busy}>
            {busy ? t("replay.running") : t("replay.run")}
          </button>
        </div>
      </form>
      <Outcome note="" error={error} />
      {report ? <ReportView report={report} /> : null}
    </Page>
  );
}
