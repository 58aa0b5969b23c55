// Settings: the model each agent uses (GET /api/v1/admin/config), chosen
// from the providers this server offers (GET /api/v1/admin/llm/options).
import { useState } from "preact/hooks";
import { DataTable, type Column } from "../../components/DataTable";
import { ErrorBanner } from "../../components/ErrorBanner";
import { Loading } from "../../components/Loading";
import { SectionHeader } from "../../components/SectionHeader";
import { formatInt } from "../../format";
import { useFetch } from "../../hooks/useFetch";
import { t } from "../../i18n";
import { AgentRow } from "./AgentRow";
import { useSettled } from "./useSettled";
import type { LlmConfig, LlmOptions } from "./types";

// The headers; the rows are AgentRow's.
const columns = (): Column<string>[] =>
  (["agent", "provider", "model", "source", "actions"] as const).map((k) => ({ head: t(`settings.col_${k}`) }));

export function ModelsSection({ onSettled }: { onSettled?: () => void }) {
  const fetched = useFetch<LlmConfig>("/api/v1/admin/config");
  const options = useFetch<LlmOptions>("/api/v1/admin/llm/options");
  useSettled(Boolean((fetched.data || fetched.error) && (options.data || options.error)), onSettled);
  const [saved, setSaved] = useState<LlmConfig | null>(null);
  const config = saved ?? fetched.data;
  const providers = options.data?.providers ?? [];
  const agents = config ? (options.data?.agents ?? Object.keys(config.llm.agents)).filter((a) => config.llm.agents[a]) : [];
  const unavailable = providers.filter((p) => !p.available).map((p) => p.name);

  return (
    <section class="card" aria-labelledby="settings-models-title" data-settings="models">
      <SectionHeader id="settings-models-title" title={t("settings.models_title")} />
      <ErrorBanner message={fetched.error?.message ?? options.error?.message} />
      {(fetched.loading && !config) || (options.loading && !options.data) ? <Loading /> : null}
      {config && options.data ? (
        <>
          <p class="muted small">
            {t("settings.models_summary", config.llm.default_provider, formatInt(config.llm.timeout_ms))}
          </p>
          <DataTable
            label={t("settings.models_title")}
            name="agents"
            columns={columns()}
            rows={agents}
            rowKey={(a) => a}
            renderRow={(a) => <AgentRow agent={a} setting={config.llm.agents[a]} providers={providers} onSaved={setSaved} />}
          />
          {unavailable.length ? (
            <p class="muted small" data-unavailable-providers>
              {t("settings.unavailable_note", unavailable.join(", "))}
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
