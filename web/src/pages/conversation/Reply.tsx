// A person answers: POST /api/v1/conversations/{id}/reply, through the
// outbox (202). On WhatsApp, 24 hours after the shopper's last message free
// text is refused (409 outside_customer_service_window): that is said in
// words, and an approved template can be sent instead.
import { useState } from "preact/hooks";
import { pathId, request } from "../../api";
import { Outcome } from "../../components/Outcome";
import { LabeledField, LabeledInput } from "../../components/Field";
import { useAction } from "../../hooks/useAction";
import { t } from "../../i18n";
import { useSession } from "../../session";
import type { ReplyAnswer } from "../../types";
import { learnAuthor } from "./people";

const WINDOW_CLOSED = "outside_customer_service_window";

interface Template {
  name: string;
  language: string;
  parameters: string[];
}

function TemplateForm({ language, busy, onSend }: { language: string; busy: boolean; onSend: (t: Template) => Promise<boolean> }) {
  const [name, setName] = useState("");
  const [lang, setLang] = useState(language || "en");
  const [parameters, setParameters] = useState<string[]>([]);

  const setParameter = (i: number) => (v: string) => setParameters((ps) => ps.map((p, j) => (j === i ? v : p)));

  async function submit(e: Event) {
    e.preventDefault();
    const sent = await onSend({ name: name.trim(), language: lang.trim() || "en", parameters });
    if (sent) setParameters([]);
  }

  return (
    <form class="card template-form" onSubmit={submit} aria-labelledby="template-title" data-template-form>
      <h3 id="template-title">{t("conv.template")}</h3>
      <div class="form-grid">
        <LabeledInput stacked id="template-name" label={t("conv.template_name")} required autocomplete="off" value={name} onValue={setName} />
        <LabeledInput stacked id="template-language" label={t("conv.template_language")} autocomplete="off" value={lang} onValue={setLang} />
      </div>
      <fieldset class="template-parameters">
        <legend>{t("conv.template_parameters")}</legend>
        {parameters.map((p, i) => (
          <div class="inline-form" key={i}>
            <LabeledInput id={`template-parameter-${i + 1}`} label={t("conv.template_parameter", i + 1)} value={p} onValue={setParameter(i)} />
            <button
              type="button"
              class="button-quiet"
              aria-label={t("conv.remove_parameter", i + 1)}
              onClick={() => setParameters((ps) => ps.filter((_, j) => j !== i))}
            >
              ✕
            </button>
          </div>
        ))}
        <button type="button" class="button-secondary" onClick={() => setParameters((ps) => [...ps, ""])}>
          {t("conv.add_parameter")}
        </button>
      </fieldset>
      <button type="submit" data-action="send-template" disabled={busy || !name.trim()}>
        {t("conv.send_template")}
      </button>
    </form>
  );
}

interface Props {
  conversationId: string;
  language: string;
  onSent: () => void;
}

export function Reply({ conversationId, language, onSent }: Props) {
  const { user } = useSession();
  const [text, setText] = useState("");
  const [note, setNote] = useState("");
  const [windowClosed, setWindowClosed] = useState(false);
  const { busy, error, run } = useAction();

  async function send(body: { text: string } | { template: Template }): Promise<boolean> {
    setNote("");
    const answer = await run(
      () => request<ReplyAnswer>(`/api/v1/conversations/${pathId(conversationId)}/reply`, { method: "POST", body }),
      (e) => {
        if (e.code !== WINDOW_CLOSED) return e.message;
        setWindowClosed(true);
        return t("conv.window_closed");
      },
    );
    if (!answer) return false;
    learnAuthor(answer.message_id, `operator:${user.username}`);
    setNote(answer.status === "recorded" ? t("conv.recorded") : t("conv.queued"));
    onSent();
    return true;
  }

  async function submit(e: Event) {
    e.preventDefault();
    if (!text.trim()) return;
    if (await send({ text })) setText("");
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      (e.currentTarget as HTMLTextAreaElement).form?.requestSubmit();
    }
  }

  return (
    <section class="reply" aria-labelledby="reply-title">
      <h2 id="reply-title">{t("conv.reply")}</h2>
      <form class="form-stack reply-form" onSubmit={submit}>
        <LabeledField id="reply-text" label={t("conv.reply_label")}>
          <textarea
            id="reply-text"
            rows={3}
            maxLength={16384}
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
            onKeyDown={onKeyDown}
          />
        </LabeledField>
        <div class="row-actions">
          <button type="submit" data-action="send-reply" disabled={busy || !text.trim()}>
            {t("conv.send")}
          </button>
          <span class="muted small">{t("conv.reply_hint")}</span>
        </div>
      </form>
      <Outcome note={note} error={error} />
      {windowClosed ? <TemplateForm language={language} busy={busy} onSend={(template) => send({ template })} /> : null}
    </section>
  );
}
