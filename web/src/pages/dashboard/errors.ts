// A section's error in words: a 403 says the role may not see the section
// (the server's own words follow), anything else is the server's message.
import type { ApiError } from "../../api";
import { t } from "../../i18n";

export function sectionError(error: ApiError | null | undefined): string | null {
  if (!error) return null;
  if (error.status === 403) return `${t("dashboard.forbidden")} (${error.message})`;
  return error.message;
}
