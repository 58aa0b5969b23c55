// The settings routes' refusals in the user's language: the server's codes
// for a model, a prompt or a sequence it will not take. Any other error keeps
// the server's own words.
import type { ApiError } from "../../api";
import { t, type MessageKey } from "../../i18n";

const WORDS: Record<string, MessageKey> = {
  unknown_agent: "settings.error.unknown_agent",
  unknown_provider: "settings.error.unknown_provider",
  missing_model: "settings.error.missing_model",
  invalid_model: "settings.error.invalid_model",
  provider_not_configured: "settings.error.provider_not_configured",
  prompt_too_long: "settings.error.prompt_too_long",
  invalid_name: "settings.error.invalid_name",
  too_many_steps: "settings.error.too_many_steps",
  invalid_day: "settings.error.invalid_day",
  empty_text: "settings.error.empty_text",
  invalid_url: "settings.error.invalid_url",
  invalid_send_time: "settings.error.invalid_send_time",
};

export function settingsError(e: ApiError): string {
  const key = WORDS[e.code];
  return key ? t(key) : e.message;
}
