// The JSON shapes the dashboard's newer sections read (http/analytics_api.cpp):
// the costliest conversations, the carts and the nudges, as docs/openapi.json
// describes them.
import type { Answer } from "../../openapi";

// GET /api/v1/analytics/billing/conversations
export type ConversationCost = ConversationCosts["conversations"][number];

export type ConversationCosts = Answer<"/api/v1/analytics/billing/conversations">;

// GET /api/v1/analytics/carts: a row per conversation that had a cart.
export const CART_STATES = ["open", "abandoned", "ordered", "emptied"] as const;
export type CartState = (typeof CART_STATES)[number];

export type CartRow = Carts["carts"][number];

export type Carts = Answer<"/api/v1/analytics/carts">;

// GET /api/v1/nudges?kind=all: shopper nudges and leads' follow-ups.
export const NUDGE_KINDS = ["nudge", "follow_up"] as const;
export const NUDGE_STATES = ["scheduled", "sent", "skipped", "cancelled"] as const;

export type NudgeRow = Nudges["nudges"][number];

export type Nudges = Answer<"/api/v1/nudges">;
