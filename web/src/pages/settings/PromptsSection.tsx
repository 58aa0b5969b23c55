// Settings: the prompts (GET /api/v1/admin/prompts), each with the agent that
// uses it and whether it was changed here; "Edit" opens its editor below.
import { useEffect, useState } from "preact/hooks";
import { DataTable } from "../../components/DataTable";
import { FetchState } from "../../components/FetchState";
import { SectionHeader } from "../../components/SectionHeader";
import { useFetch } from "../../hooks/useFetch";
import { t } from "../../i18n";
import { PromptEditor } from "./PromptEditor";
import { useSettled } from "./useSettled";
import type { Answer } from "../../openapi";

export function PromptsSection({ onSettled }: { onSettled?: () => void }) {
  const fetched = useFetch<Answer<"/api/v1/admin/prompts">>("/api/v1/admin/prompts");
  useSettled(Boolean(fetched.data || fetched.error), onSettled);
  const prompts = fetched.data?.prompts ?? [];
  const [open, setOpen] = useState<string | null>(null);
  // The editor just closed: its Edit button takes the focus back.
  const [closed, setClosed] = useState<{ slug: string } | null>(null);

  useEffect(() => {
    if (closed) document.querySelector<HTMLElement>(`[data-edit-prompt="${CSS.escape(closed.slug)}"]`)?.focus();
  }, [closed]);

  function close() {
    if (open) setClosed({ slug: open });
    setOpen(null);
  }

  return (
    <section class="card" aria-labelledby="settings-prompts-title" data-settings="prompts">
      <SectionHeader id="settings-prompts-title" title={t("settings.prompts_title")} />
      <FetchState of={fetched} empty={prompts.length === 0} emptyText={t("settings.prompts_empty")} />
      {prompts.length ? (
        <DataTable
          label={t("settings.prompts_title")}
          name="prompts"
          columns={[
            { head: t("settings.col_prompt"), rowHeader: true, cls: "mono nowrap", cell: (p) => p.slug },
            { head: t("settings.col_agent"), cls: "mono", cell: (p) => p.agent },
            { head: t("settings.col_purpose"), cls: "wide", cell: (p) => p.purpose },
            {
              head: t("settings.col_state"),
              cell: (p) => (p.overridden ? t("settings.prompt_overridden") : t("settings.prompt_default")),
              attrs: (p) => ({ "data-overridden": String(p.overridden) }),
            },
            {
              head: <span class="visually-hidden">{t("settings.col_actions")}</span>,
              cell: (p) => (
                <button
                  type="button"
                  class="button-secondary"
                  data-edit-prompt={p.slug}
                  aria-pressed={open === p.slug}
                  aria-label={t("settings.edit_prompt_of", p.slug)}
                  onClick={() => setOpen(open === p.slug ? null : p.slug)}
                >
                  {t("settings.edit")}
                </button>
              ),
            },
          ]}
          rows={prompts}
          rowKey={(p) => p.slug}
          rowAttrs={(p) => ({ "data-prompt": p.slug })}
        />
      ) : null}
      {open ? <PromptEditor key={open} slug={open} onChanged={fetched.refresh} onClose={close} /> : null}
    </section>
  );
}
