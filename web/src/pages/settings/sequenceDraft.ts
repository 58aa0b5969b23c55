// A Message Master sequence as its form holds it (strings, as typed), and the
// PUT body made from it: checked here first so a wrong step is named in words
// (the server's refusal does not say which step).
import { t } from "../../i18n";
import type { Sequence, SequenceStep } from "./types";

export interface StepDraft {
  key: number; // stable across additions and removals, for the inputs' ids
  day: string;
  text: string;
  url: string;
}

export interface SequenceBody {
  steps: SequenceStep[];
  send_time: string;
}

export const MAX_STEPS = 20;
export const MAX_DAY = 365;

let lastKey = 0;

export function newStep(after: StepDraft[]): StepDraft {
  const days = after.map((s) => Number(s.day)).filter((d) => Number.isInteger(d));
  const day = days.length ? Math.min(Math.max(...days) + 1, MAX_DAY) : 1;
  return { key: ++lastKey, day: String(day), text: "", url: "" };
}

export function stepsOf(sequence: Sequence): StepDraft[] {
  return sequence.steps.map((s) => ({ key: ++lastKey, day: String(s.day), text: s.text, url: s.attachment_url ?? "" }));
}

// The body to PUT, or the first problem in words.
export function bodyOf(steps: StepDraft[], sendTime: string): SequenceBody | string {
  if (steps.length > MAX_STEPS) return t("settings.error.too_many_steps");
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(sendTime)) return t("settings.error.invalid_send_time");
  const out: SequenceStep[] = [];
  for (const [i, s] of steps.entries()) {
    const n = i + 1;
    const day = s.day.trim();
    if (!/^\d{1,3}$/.test(day) || Number(day) > MAX_DAY) return t("settings.step_bad_day", n, MAX_DAY);
    if (!s.text.trim()) return t("settings.step_empty_text", n);
    const url = s.url.trim();
    if (url && !/^https?:\/\//.test(url)) return t("settings.step_bad_url", n);
    out.push({ day: Number(day), text: s.text, attachment_url: url });
  }
  return { steps: out, send_time: sendTime };
}
