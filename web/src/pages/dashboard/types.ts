// The JSON shapes the dashboard's newer sections read (http/analytics_api.cpp):
// the costliest conversations, the carts and the nudges. Read tolerantly.

// GET /api/v1/analytics/billing/conversations
export interface ConversationCost {
  conversation_id: string;
  first_day: string;
  last_day: string;
  calls: number;
  failed: number;
  input_tokens: number;
  output_tokens: number;
  cost_micros: number;
  cost_usd: number;
  fallbacks: number;
}

export interface ConversationCosts {
  conversations: ConversationCost[];
}

// GET /api/v1/analytics/carts: a row per conversation that had a cart.
export const CART_STATES = ["open", "abandoned", "ordered", "emptied"] as const;
export type CartState = (typeof CART_STATES)[number];

export interface CartRow {
  conversation_id: string;
  channel: string;
  status: string; // open, ordered, emptied
  abandoned: boolean; // open and untouched for a day
  lines?: unknown[];
  items: number;
  value_cents: number;
  currency: string;
  updated_us?: number;
  updated_local?: string;
  order_id?: string;
}

export interface Carts {
  carts: CartRow[];
  abandoned_value_cents: number;
}

// GET /api/v1/nudges?kind=all: shopper nudges and leads' follow-ups.
export const NUDGE_KINDS = ["nudge", "follow_up"] as const;
export const NUDGE_STATES = ["scheduled", "sent", "skipped", "cancelled"] as const;

export interface NudgeRow {
  key: string;
  kind: string;
  conversation_id?: string;
  lead_id?: string;
  channel?: string;
  number?: number;
  index?: number;
  due_us?: number;
  due_local?: string;
  state: string;
  reason?: string;
  template?: string;
  scheduled_us?: number;
  scheduled_local?: string;
  settled_us?: number;
  settled_local?: string;
}

export interface Nudges {
  nudges: NudgeRow[];
}
