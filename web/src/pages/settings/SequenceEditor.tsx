// One Message Master sequence: its steps (add, change, remove) and the local
// time they are sent, saved whole with PUT /api/v1/admin/sequences/{name}.
import { useEffect, useState } from "preact/hooks";
import { pathId, request } from "../../api";
import { LabeledInput } from "../../components/Field";
import { Outcome } from "../../components/Outcome";
import { formatIso } from "../../format";
import { useAction } from "../../hooks/useAction";
import { t } from "../../i18n";
import { settingsError } from "./errors";
import { bodyOf, MAX_STEPS, newStep, stepsOf, type StepDraft } from "./sequenceDraft";
import { StepFields, stepId } from "./StepFields";
import { DEMO_FOLLOW_UP, type Sequence } from "./types";

interface Props {
  sequence: Sequence;
  onSaved: (sequence: Sequence) => void;
}

export function SequenceEditor({ sequence, onSaved }: Props) {
  const [steps, setSteps] = useState<StepDraft[]>(() => stepsOf(sequence));
  const [sendTime, setSendTime] = useState(sequence.send_time || "10:00");
  const [status, setStatus] = useState(sequence);
  const [note, setNote] = useState("");
  const [focus, setFocus] = useState<{ id: string } | null>(null); // to focus after the render
  const { busy, error, setError, run } = useAction();

  useEffect(() => {
    if (focus) document.getElementById(focus.id)?.focus();
  }, [focus]);

  function add() {
    const step = newStep(steps);
    setSteps([...steps, step]);
    setFocus({ id: `${stepId(step)}-day` });
  }

  function remove(key: number) {
    const next = steps.filter((s) => s.key !== key);
    setSteps(next);
    setFocus({ id: next.length ? `${stepId(next[next.length - 1])}-day` : "seq-add-step" });
  }

  async function save(e: Event) {
    e.preventDefault();
    setNote("");
    const body = bodyOf(steps, sendTime);
    if (typeof body === "string") {
      setError(body);
      return;
    }
    const path = `/api/v1/admin/sequences/${pathId(sequence.name)}`;
    const saved = await run(() => request<Sequence>(path, { method: "PUT", body }), settingsError);
    if (!saved) return;
    setStatus(saved);
    setNote(t("settings.sequence_saved"));
    onSaved(saved);
  }

  return (
    <form class="settings-sequence" noValidate onSubmit={save} data-sequence-editor={sequence.name} aria-labelledby="seq-editor-title">
      <h3 id="seq-editor-title" class="mono-title">
        {sequence.name}
      </h3>
      {sequence.name === DEMO_FOLLOW_UP ? <p class="muted small">{t("settings.demo_follow_up_note")}</p> : null}
      <p class="muted small" data-sequence-status>
        {status.saved
          ? t("settings.sequence_saved_by", status.updated_by || "–", formatIso(status.updated_at))
          : sequence.name === DEMO_FOLLOW_UP
            ? t("settings.sequence_not_saved")
            : t("settings.sequence_new")}
      </p>
      <LabeledInput
        stacked
        id="seq-send-time"
        label={t("settings.send_time")}
        class="settings-time"
        type="time"
        step="60"
        value={sendTime}
        onValue={setSendTime}
      />
      {steps.length === 0 ? <p class="empty">{t("settings.no_steps")}</p> : null}
      <ol class="settings-steps">
        {steps.map((step, i) => (
          <li key={step.key}>
            <StepFields
              step={step}
              index={i}
              onChange={(next) => setSteps((all) => all.map((s) => (s.key === next.key ? next : s)))}
              onRemove={() => remove(step.key)}
            />
          </li>
        ))}
      </ol>
      <div class="row-actions">
        <button
          type="button"
          id="seq-add-step"
          class="button-secondary"
          data-action="add-step"
          disabled={steps.length >= MAX_STEPS}
          onClick={add}
        >
          {t("settings.add_step")}
        </button>
        <button type="submit" data-action="save-sequence" disabled={busy}>
          {t("settings.save_sequence")}
        </button>
      </div>
      <Outcome note={note} error={error} />
    </form>
  );
}
