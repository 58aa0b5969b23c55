// The JSON shapes the console reads, as docs/API.md and docs/openapi.json
// describe them. Fields the console can live without are optional.

export type Role = "admin" | "sales" | "analyst";
export const LANGUAGES = ["en", "es", "ru", "id", "hi"] as const;
export type Language = (typeof LANGUAGES)[number];

export interface SessionUser {
  username: string;
  role: Role;
  display_name: string;
  language: Language;
  timezone?: string; // the shop's PARLEY_TIMEZONE: times are shown in it
}

export interface SessionAnswer {
  user: SessionUser;
  expires_at: string;
}

// The channels a conversation may come from (docs/API.md, "Channels").
export const CHANNELS = ["api", "telegram", "whatsapp", "twilio", "greenapi", "maytapi"] as const;

// GET /api/v1/conversations (new: read tolerantly).
export interface ConversationSummary {
  conversation_id: string;
  channel?: string;
  user_id?: string;
  language?: string;
  stage?: string;
  last_message?: string;
  last_from?: string; // shopper, bot, person
  last_at?: string;
  last_at_local?: string;
  messages?: number;
  cart_value_cents?: number;
  currency?: string;
  unread?: number | boolean;
  handoff?: boolean;
  handoff_since_us?: number;
  forgotten?: boolean;
  customer_name?: string; // given at checkout
  customer_phone?: string;
}

export interface ConversationPage {
  conversations?: ConversationSummary[];
  next?: string | number | null;
  matched?: number;
}

// GET /api/v1/conversations/{id} (http/conversation_view.cpp). A message's
// author (a person, "operator:<username>"; absent or "" for the bot) and, for
// a message Parley sent, its delivery status when one is known.
export interface Media {
  url: string;
  caption?: string;
}

export type DeliveryStatus = "sending" | "sent" | "delivered" | "read" | "failed";

export interface ConversationMessage {
  id: string;
  direction: "in" | "out";
  text: string;
  at: string;
  seq: number;
  language?: string;
  platform_message_id?: string;
  in_reply_to?: string;
  media?: Media[];
  author?: string;
  delivery_status?: string;
}

export interface CartLine {
  sku: string;
  name: string;
  quantity: number;
  unit_price_cents: number;
  line_total_cents: number;
  currency: string;
  color?: string;
  size?: string;
}

export interface ConversationView {
  conversation_id: string;
  channel: string;
  language?: string;
  stage?: string;
  customer?: { user_id?: string; name?: string; phone?: string; email?: string; address?: string; city?: string };
  cart?: { lines: CartLine[]; total_cents: number; currency: string };
  checkout?: { open?: boolean; awaiting_confirmation?: boolean };
  orders?: string[];
  handoff?: boolean;
  handoff_since?: string | null;
  handoff_by?: string;
  received?: number;
  sent?: number;
  last_received_at?: string | null;
  last_sent_at?: string | null;
  messages: ConversationMessage[];
}

// POST /api/v1/conversations/{id}/handoff
export interface HandoffAnswer {
  conversation_id: string;
  handoff: boolean;
  changed: boolean;
  since_us: number;
  by: string;
}

// POST /api/v1/conversations/{id}/reply (202)
export interface ReplyAnswer {
  conversation_id: string;
  message_id: string;
  status: string; // queued, recorded
}

export interface EventEnvelope {
  entity_type: string;
  entity_id: string;
  seq: number;
  position?: number;
  type: string;
  schema_version?: number;
  timestamp: string;
  causation_id?: string;
  payload: unknown;
}

export const LEAD_STATUSES = [
  "new",
  "qualified",
  "meeting_scheduled",
  "meeting_done",
  "demo_scheduled",
  "demo_done",
  "won",
  "lost",
] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export interface Appointment {
  id: string;
  kind: string;
  when: string;
  when_utc?: string;
  assignee?: string;
  note?: string;
  state?: string;
}

export interface FollowUp {
  step_id: string;
  index?: number;
  due: string;
  due_utc?: string;
  text: string;
  attachment_url?: string;
  state: string;
  sent_to?: string;
  skip_reason?: string;
}

export interface Lead {
  lead_id: string;
  company: string;
  contact_name?: string;
  phone?: string;
  email?: string;
  source?: string;
  assignee: string;
  assignee_name?: string;
  creator?: string;
  status: string;
  qualified?: boolean;
  details?: Record<string, string>;
  appointments?: Appointment[];
  follow_ups?: FollowUp[];
  created_at: string;
  updated_at: string;
}

export interface LeadHistoryEntry {
  seq: number;
  at: string;
  at_local: string;
  type: string;
  by: string;
  by_name: string;
  text: string;
}

export interface Task {
  kind: string;
  lead_id: string;
  company: string;
  assignee: string;
  when: string;
  when_utc: string;
  text: string;
}

export interface TaskList {
  from: string;
  to: string;
  assignee: string;
  tasks: Task[];
}

export interface BillingDay {
  day: string;
  calls: number;
  input_tokens: number;
  output_tokens: number;
  cost_micros: number;
  cost_usd: number;
}

export interface BillingTotals {
  calls: number;
  failed: number;
  input_tokens: number;
  output_tokens: number;
  cost_usd: number;
}

export interface Billing {
  by_day: BillingDay[];
  totals: BillingTotals;
}

export interface Funnel {
  stages: string[];
  totals: Record<string, number>;
  zero_result_searches: { query: string; count: number }[];
}

// In the order an order goes through them.
export const ORDER_STATUSES = ["placed", "awaiting_payment", "paid", "shipped", "delivered", "cancelled", "refunded"] as const;

export interface OrderRow {
  order_id: string;
  conversation_id?: string;
  channel?: string;
  customer?: { name?: string; city?: string } | null;
  total_cents: number;
  currency: string;
  status: string;
  placed_at_us?: number;
  placed_at_local?: string;
}

export type OrderLine = CartLine;

export interface Order {
  order_id: string;
  conversation_id: string;
  status: string;
  customer?: {
    name?: string;
    phone?: string;
    email?: string;
    address?: string;
    city?: string;
  };
  lines: OrderLine[];
  total_cents: number;
  currency: string;
  placed_at: string;
  updated_at?: string;
  tracking?: string;
  payment: {
    provider?: string;
    instructions?: string;
    url?: string;
    paid_at?: string;
  } | null;
  invoice: { invoice_id?: string; number?: number; url?: string; mail?: string } | null;
  changed?: boolean;
}

export interface SearchHit {
  sku: string;
  name: string;
  price: number;
  currency: string;
  stock: number;
  category?: string;
  score?: number;
}

export interface Product {
  sku: string;
  name: string;
  category: string;
  price: number;
  price_cents: number;
  currency: string;
  stock: number;
  colors: string[];
  sizes: string[];
  tags: string[];
  description: string;
  image_url: string;
}

export interface ImportReport {
  rows: number;
  changed: number;
  unchanged: number;
  errors: { line: number; sku: string; message: string }[];
}

export interface TeamUser {
  username: string;
  display_name: string;
  role: Role;
  phones: string[];
  telegram_ids: string[];
  language: Language;
  disabled: boolean;
  created_at: string;
}
