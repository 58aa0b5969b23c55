// One prompt: GET /api/v1/admin/prompts/{slug} into a textarea, saved with
// PUT {"text"} (at most 16 KiB; "" goes back to the default). The text can be
// compared with the default; its history follows.
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { pathId, request } from "../../api";
import { ErrorBanner } from "../../components/ErrorBanner";
import { LabeledField } from "../../components/Field";
import { Loading } from "../../components/Loading";
import { Outcome } from "../../components/Outcome";
import { formatInt } from "../../format";
import { useAction } from "../../hooks/useAction";
import { useFetch } from "../../hooks/useFetch";
import { t } from "../../i18n";
import { DiffView } from "./DiffView";
import { settingsError } from "./errors";
import { PromptHistory } from "./PromptHistory";
import { MAX_PROMPT_BYTES, type PromptDetail } from "./types";

interface Props {
  slug: string;
  onChanged: () => void; // the list's "changed" flag may differ now
  onClose: () => void;
}

const encoder = new TextEncoder();

export function PromptEditor({ slug, onChanged, onClose }: Props) {
  const path = `/api/v1/admin/prompts/${pathId(slug)}`;
  const fetched = useFetch<PromptDetail>(path);
  const [saved, setSaved] = useState<PromptDetail | null>(null);
  const prompt = saved ?? fetched.data;
  const [draft, setDraft] = useState<string | null>(null); // null: unedited
  const [compare, setCompare] = useState(false);
  const [note, setNote] = useState("");
  const { busy, error, run } = useAction();
  const heading = useRef<HTMLHeadingElement>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const text = draft ?? prompt?.text ?? "";
  const bytes = useMemo(() => encoder.encode(text).length, [text]);
  const tooLong = bytes > MAX_PROMPT_BYTES;

  useEffect(() => heading.current?.focus(), []);

  async function put(next: string) {
    setNote("");
    const answer = await run(() => request<PromptDetail>(path, { method: "PUT", body: { text: next } }), settingsError);
    if (!answer) return;
    setSaved(answer);
    setDraft(null);
    setNote(next === "" ? t("settings.prompt_reset") : t("settings.prompt_saved"));
    onChanged();
    // The button pressed is disabled now (nothing to save or reset): the text keeps the focus.
    textarea.current?.focus();
  }

  function submit(e: Event) {
    e.preventDefault();
    if (!tooLong) void put(text);
  }

  return (
    <div class="settings-editor" data-prompt-editor={slug}>
      <div class="section-header">
        <h3 id="prompt-editor-title" ref={heading} tabIndex={-1}>
          {t("settings.prompt_title", slug)}
        </h3>
        <button type="button" class="button-quiet" onClick={onClose}>
          {t("settings.close")}
        </button>
      </div>
      <ErrorBanner message={fetched.error?.message} />
      {fetched.loading && !prompt ? <Loading /> : null}
      {prompt ? (
        <>
          <p class="muted small">
            {prompt.purpose} · {prompt.overridden ? t("settings.prompt_overridden") : t("settings.prompt_default")}
          </p>
          <form class="form-stack settings-prompt-form" onSubmit={submit}>
            <LabeledField id="prompt-text" label={t("settings.prompt_text_of", slug)}>
              <textarea
                id="prompt-text"
                ref={textarea}
                rows={14}
                spellcheck={false}
                aria-describedby="prompt-count"
                aria-invalid={tooLong}
                value={text}
                onInput={(e) => setDraft(e.currentTarget.value)}
              />
            </LabeledField>
            <p id="prompt-count" class={tooLong ? "settings-count over" : "settings-count"} data-bytes={bytes}>
              {t("settings.bytes", formatInt(bytes), formatInt(MAX_PROMPT_BYTES))}
              {tooLong ? ` — ${t("settings.error.prompt_too_long")}` : ""}
            </p>
            <div class="row-actions">
              <button type="submit" data-action="save-prompt" disabled={busy || tooLong || text === prompt.text}>
                {t("common.save")}
              </button>
              <button
                type="button"
                class="button-secondary"
                data-action="reset-prompt"
                disabled={busy || !prompt.overridden}
                onClick={() => void put("")}
              >
                {t("settings.back_to_default")}
              </button>
              <button
                type="button"
                class="button-quiet"
                aria-expanded={compare}
                aria-controls="prompt-compare"
                onClick={() => setCompare(!compare)}
              >
                {compare ? t("settings.hide_compare") : t("settings.compare_default")}
              </button>
            </div>
          </form>
          <Outcome note={note} error={error} />
          <div id="prompt-compare">
            {compare ? <DiffView before={prompt.default} after={text} label={t("settings.compare_label", slug)} /> : null}
          </div>
          <PromptHistory prompt={prompt} />
        </>
      ) : null}
    </div>
  );
}
