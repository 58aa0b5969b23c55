// A prompt's history, newest first: who changed it, when, and whether it went
// back to the default; each version opens as a diff against the one before
// (the first against the default).
import { useState } from "preact/hooks";
import { formatIso } from "../../format";
import { t } from "../../i18n";
import { DiffView } from "./DiffView";
import type { PromptDetail } from "./types";

export function PromptHistory({ prompt }: { prompt: PromptDetail }) {
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const history = prompt.history;
  // The text each version put in use ("" = back to the default).
  const used = (i: number) => (i < 0 || history[i].reset || history[i].text === "" ? prompt.default : history[i].text);

  function toggle(i: number) {
    setOpen((old) => {
      const next = new Set(old);
      if (!next.delete(i)) next.add(i);
      return next;
    });
  }

  const order = history.map((_, i) => i).reverse();
  return (
    <section class="settings-history" aria-labelledby="prompt-history-title" data-prompt-history>
      <h3 id="prompt-history-title">{t("settings.history_title")}</h3>
      {history.length === 0 ? <p class="empty">{t("settings.history_empty")}</p> : null}
      <ol class="history-list">
        {order.map((i) => {
          const v = history[i];
          const shown = open.has(i);
          const diffId = `prompt-version-${i + 1}-diff`;
          const label = t("settings.version_label", i + 1, v.by || "–", formatIso(v.at));
          return (
            <li key={i} data-version={i + 1} data-reset={String(v.reset)}>
              <div class="history-head">
                <span>
                  <strong>{t("settings.version", i + 1)}</strong> · {formatIso(v.at)} · {v.by || "–"}
                </span>
                <span class="tag">{v.reset ? t("settings.version_reset") : t("settings.version_changed")}</span>
                <button
                  type="button"
                  class="button-secondary"
                  data-action="show-diff"
                  aria-expanded={shown}
                  aria-controls={diffId}
                  aria-label={shown ? t("settings.hide_changes_of", i + 1) : t("settings.show_changes_of", i + 1)}
                  onClick={() => toggle(i)}
                >
                  {shown ? t("settings.hide_changes") : t("settings.show_changes")}
                </button>
              </div>
              <div id={diffId}>{shown ? <DiffView before={used(i - 1)} after={used(i)} label={label} /> : null}</div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
