// What the admin settings routes answer (docs/API.md, "Configuration" and
// Message Master): the model per agent, the prompts, the follow-up sequences.

export interface AgentSetting {
  provider: string;
  model: string;
  source: "default" | "configured";
}

export interface LlmConfig {
  llm: {
    default_provider: string;
    timeout_ms: number;
    agents: Record<string, AgentSetting>;
  };
  changes: number;
}

export interface PricedModel {
  model: string;
  input_usd_per_mtok: number;
  output_usd_per_mtok: number;
}

export interface ProviderOption {
  name: string;
  available: boolean;
  default_model?: string; // not for offline
  base_url?: string;
  priced_models?: PricedModel[];
}

export interface LlmOptions {
  providers: ProviderOption[];
  agents: string[];
  prompts: string[];
  timeout_ms: number;
}

export interface PromptSummary {
  slug: string;
  agent: string;
  purpose: string;
  overridden: boolean;
}

export interface PromptVersion {
  text: string; // "" with reset: back to the default
  reset: boolean;
  by: string;
  at: string; // ISO instant
}

export interface PromptDetail extends PromptSummary {
  text: string; // in use now
  default: string;
  history: PromptVersion[]; // oldest first
}

export interface SequenceStep {
  day: number;
  text: string;
  attachment_url: string;
}

export interface Sequence {
  name: string;
  steps: SequenceStep[];
  send_time: string; // HH:MM, local
  saved: boolean; // false: the built-in default
  updated_at?: string;
  updated_by?: string;
}

// The longest prompt the server takes, in UTF-8 bytes.
export const MAX_PROMPT_BYTES = 16384;
// The sequence the "Demo done" status schedules.
export const DEMO_FOLLOW_UP = "demo_follow_up";
