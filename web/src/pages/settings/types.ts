// What the admin settings routes answer (docs/API.md, "Configuration" and
// Message Master): the model per agent, the prompts, the follow-up sequences,
// as docs/openapi.json describes them.
import type { Answer, Schema } from "../../openapi";

export type AgentSetting = LlmConfig["llm"]["agents"][string];

export type LlmConfig = Schema<"LlmConfig">;

export type PricedModel = NonNullable<ProviderOption["priced_models"]>[number];

export type ProviderOption = LlmOptions["providers"][number];

export type LlmOptions = Answer<"/api/v1/admin/llm/options">;

export type PromptSummary = Schema<"PromptSummary">;

export type PromptVersion = PromptDetail["history"][number];

export type PromptDetail = Schema<"Prompt">;

export type SequenceStep = Sequence["steps"][number];

export type Sequence = Schema<"Sequence">;

// The longest prompt the server takes, in UTF-8 bytes.
export const MAX_PROMPT_BYTES = 16384;
// The sequence the "Demo done" status schedules.
export const DEMO_FOLLOW_UP = "demo_follow_up";
