// One agent's provider and model, saved with PUT /api/v1/admin/config
// {"agents":{<agent>:{provider, model}}}. A provider this server has no key
// or base URL for is listed but cannot be chosen; offline takes no model.
import { useState } from "preact/hooks";
import { request } from "../../api";
import { LabeledField, LabeledInput } from "../../components/Field";
import { Outcome } from "../../components/Outcome";
import { formatUsd } from "../../format";
import { useAction } from "../../hooks/useAction";
import { t } from "../../i18n";
import { settingsError } from "./errors";
import type { AgentSetting, LlmConfig, ProviderOption } from "./types";

interface Props {
  agent: string;
  setting: AgentSetting;
  providers: ProviderOption[];
  onSaved: (config: LlmConfig) => void;
}

const OFFLINE = "offline";

function providerLabel(p: ProviderOption): string {
  if (p.name === OFFLINE) return t("settings.provider_offline");
  return p.available ? p.name : t("settings.provider_unavailable", p.name);
}

export function agentPurpose(agent: string): string {
  if (agent === "responder") return t("settings.agent_responder");
  if (agent === "extractor") return t("settings.agent_extractor");
  if (agent === "media") return t("settings.agent_media");
  return "";
}

export function AgentRow({ agent, setting, providers, onSaved }: Props) {
  const [provider, setProvider] = useState(setting.provider);
  const [model, setModel] = useState(setting.model);
  const [note, setNote] = useState("");
  const { busy, error, run } = useAction();
  const id = `agent-${agent.replace(/[^a-z0-9_-]/gi, "_")}`;
  const chosen = providers.find((p) => p.name === provider);
  const known = providers.some((p) => p.name === setting.provider);
  const offline = provider === OFFLINE;

  function choose(name: string) {
    setProvider(name);
    setNote("");
    // A model name belongs to its provider: start from the new one's default.
    setModel(name === OFFLINE ? "" : providers.find((p) => p.name === name)?.default_model ?? "");
  }

  async function save(e: Event) {
    e.preventDefault();
    setNote("");
    const body = { agents: { [agent]: { provider, model: offline ? "" : model.trim() } } };
    const config = await run(() => request<LlmConfig>("/api/v1/admin/config", { method: "PUT", body }), settingsError);
    if (!config) return;
    setNote(t("settings.model_saved"));
    onSaved(config);
  }

  const formId = `${id}-form`;
  return (
    <tr data-agent={agent}>
      <th scope="row">
        <span class="mono">{agent}</span>
        <div class="muted small settings-purpose">{agentPurpose(agent)}</div>
      </th>
      <td>
        <LabeledField id={`${id}-provider`} label={t("settings.provider_of", agent)} labelClass="visually-hidden">
          <select id={`${id}-provider`} form={formId} value={provider} onChange={(e) => choose(e.currentTarget.value)}>
            {known ? null : <option value={setting.provider}>{setting.provider}</option>}
            {providers.map((p) => (
              <option key={p.name} value={p.name} disabled={!p.available}>
                {providerLabel(p)}
              </option>
            ))}
          </select>
        </LabeledField>
      </td>
      <td class="wide">
        <LabeledInput
          id={`${id}-model`}
          label={t("settings.model_of", agent)}
          labelClass="visually-hidden"
          form={formId}
          class="settings-model"
          list={chosen?.priced_models?.length ? `${id}-models` : undefined}
          disabled={offline}
          placeholder={offline ? t("settings.no_model") : chosen?.default_model ?? ""}
          autocomplete="off"
          autocapitalize="none"
          spellcheck={false}
          value={offline ? "" : model}
          onValue={setModel}
        />
        {chosen?.priced_models?.length ? (
          <datalist id={`${id}-models`}>
            {chosen.priced_models.map((m) => (
              <option key={m.model} value={m.model}>
                {t("settings.price", formatUsd(m.input_usd_per_mtok), formatUsd(m.output_usd_per_mtok))}
              </option>
            ))}
          </datalist>
        ) : null}
      </td>
      <td data-source={setting.source}>
        {setting.source === "configured" ? t("settings.source_configured") : t("settings.source_default")}
      </td>
      <td>
        <form id={formId} class="row-actions" onSubmit={save}>
          <button type="submit" data-action="save-model" disabled={busy} aria-label={t("settings.save_model_of", agent)}>
            {t("common.save")}
          </button>
        </form>
        <Outcome inline note={note} error={error} />
      </td>
    </tr>
  );
}
