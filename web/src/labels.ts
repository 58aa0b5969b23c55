// The words for the API's codes (statuses, roles, kinds). An unknown code is
// shown as it came.
import { t, type MessageKey } from "./i18n";

function lookup(table: Record<string, MessageKey>, code: string | undefined | null): string {
  if (!code) return "–";
  const key = table[code];
  return key ? t(key) : code;
}

const ROLES: Record<string, MessageKey> = {
  admin: "role.admin",
  sales: "role.sales",
  analyst: "role.analyst",
};

const LEAD_STATUS: Record<string, MessageKey> = {
  new: "lead_status.new",
  qualified: "lead_status.qualified",
  meeting_scheduled: "lead_status.meeting_scheduled",
  meeting_done: "lead_status.meeting_done",
  demo_scheduled: "lead_status.demo_scheduled",
  demo_done: "lead_status.demo_done",
  won: "lead_status.won",
  lost: "lead_status.lost",
};

const ORDER_STATUS: Record<string, MessageKey> = {
  placed: "order_status.placed",
  awaiting_payment: "order_status.awaiting_payment",
  paid: "order_status.paid",
  shipped: "order_status.shipped",
  delivered: "order_status.delivered",
  cancelled: "order_status.cancelled",
  refunded: "order_status.refunded",
};

const TASK_KIND: Record<string, MessageKey> = {
  meeting: "task_kind.meeting",
  demo: "task_kind.demo",
  follow_up: "task_kind.follow_up",
};

const FUNNEL_STAGE: Record<string, MessageKey> = {
  conversations: "funnel.conversations",
  searches: "funnel.searches",
  carts: "funnel.carts",
  checkouts: "funnel.checkouts",
  orders: "funnel.orders",
  zero_result_searches: "funnel.zero_result_searches",
};

const STAGES: Record<string, MessageKey> = {
  greeting: "stage.greeting",
  discovery: "stage.discovery",
  consultation: "stage.consultation",
  cart: "stage.cart",
  checkout: "stage.checkout",
  closing: "stage.closing",
};

const LANGUAGES: Record<string, MessageKey> = {
  en: "language.en",
  es: "language.es",
  ru: "language.ru",
  id: "language.id",
  hi: "language.hi",
};

export const roleLabel = (c: string | undefined) => lookup(ROLES, c);
export const leadStatusLabel = (c: string | undefined) => lookup(LEAD_STATUS, c);
export const orderStatusLabel = (c: string | undefined) => lookup(ORDER_STATUS, c);
export const taskKindLabel = (c: string | undefined) => lookup(TASK_KIND, c);
export const funnelStageLabel = (c: string | undefined) => lookup(FUNNEL_STAGE, c);
export const stageLabel = (c: string | undefined) => lookup(STAGES, c);
export const languageLabel = (c: string | undefined) => lookup(LANGUAGES, c);

export function yesNo(v: boolean | undefined): string {
  return v ? t("common.yes") : t("common.no");
}
