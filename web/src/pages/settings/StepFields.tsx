// One step of a sequence: the day after the demo it falls due, the exact text
// the lead's owner forwards, an optional attachment URL, and its removal.
import { LabeledField, LabeledInput } from "../../components/Field";
import { t } from "../../i18n";
import { MAX_DAY, type StepDraft } from "./sequenceDraft";

interface Props {
  step: StepDraft;
  index: number; // 0-based; the words say index + 1
  onChange: (step: StepDraft) => void;
  onRemove: () => void;
}

export function stepId(step: StepDraft): string {
  return `seq-step-${step.key}`;
}

export function StepFields({ step, index, onChange, onRemove }: Props) {
  const id = stepId(step);
  const n = index + 1;
  return (
    <fieldset class="settings-step" data-step={n}>
      <legend>{t("settings.step", n)}</legend>
      <div class="settings-step-grid">
        <LabeledInput
          stacked
          id={`${id}-day`}
          label={t("settings.step_day")}
          class="settings-day"
          type="number"
          inputMode="numeric"
          min="0"
          max={String(MAX_DAY)}
          step="1"
          value={step.day}
          onValue={(day) => onChange({ ...step, day })}
        />
        <LabeledInput
          stacked
          id={`${id}-url`}
          label={t("settings.step_url")}
          type="url"
          inputMode="url"
          autocomplete="off"
          autocapitalize="none"
          spellcheck={false}
          placeholder="https://"
          value={step.url}
          onValue={(url) => onChange({ ...step, url })}
        />
      </div>
      <div class="field">
        <LabeledField id={`${id}-text`} label={t("settings.step_text")}>
          <textarea
            id={`${id}-text`}
            rows={3}
            value={step.text}
            onInput={(e) => onChange({ ...step, text: e.currentTarget.value })}
          />
        </LabeledField>
      </div>
      <button type="button" class="button-quiet" data-action="remove-step" aria-label={t("settings.remove_step_of", n)} onClick={onRemove}>
        {t("settings.remove_step")}
      </button>
    </fieldset>
  );
}
