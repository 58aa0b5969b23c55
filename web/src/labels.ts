// The words for the API's codes (statuses, roles, kinds). An unknown code is
// shown as it came.
import { t, type MessageKey } from "./i18n";
import { LANGUAGES, LEAD_STATUSES, ORDER_STATUSES } from "./types";

// The codes whose words are the message `<prefix><code>`: the typecheck
// fails on a code without its words.
type Suffix<P extends string> = MessageKey extends infer K ? (K extends `${P}${infer S}` ? S : never) : never;

function labels<P extends string>(prefix: P, codes: readonly Suffix<P>[]) {
  const known = new Set<string>(codes);
  return (code: string | undefined | null): string => {
    if (!code) return "–";
    return known.has(code) ? t(`${prefix}${code}` as MessageKey) : code;
  };
}

export const roleLabel = labels("role.", ["admin", "sales", "analyst"]);
export const leadStatusLabel = labels("lead_status.", LEAD_STATUSES);
export const orderStatusLabel = labels("order_status.", ORDER_STATUSES);
export const taskKindLabel = labels("task_kind.", ["meeting", "demo", "follow_up"]);
const FUNNEL = ["conversations", "searches", "carts", "checkouts", "orders", "zero_result_searches"] as const;
export const funnelStageLabel = labels("funnel.", FUNNEL);
export const STAGES = ["greeting", "discovery", "consultation", "cart", "checkout", "closing"] as const;
export const stageLabel = labels("stage.", STAGES);
export const languageLabel = labels("language.", LANGUAGES);
// Who wrote a message: the shopper, the bot or a person of the team.
export const fromLabel = labels("inbox.from_", ["shopper", "bot", "person"]);
export const deliveryLabel = labels("delivery.", ["sending", "sent", "delivered", "read", "failed"]);

export function yesNo(v: boolean | undefined): string {
  return v ? t("common.yes") : t("common.no");
}
