// The JSON shapes the console reads, as docs/API.md and docs/openapi.json
// describe them. Fields the console can live without are optional.

export type Role = "admin" | "sales" | "analyst";
export type Language = "en" | "es" | "ru" | "id" | "hi";

export interface SessionUser {
  username: string;
  role: Role;
  display_name: string;
  language: Language;
}

export interface SessionAnswer {
  user: SessionUser;
  expires_at: string;
}

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
  forgotten?: boolean;
}

export interface ConversationPage {
  conversations?: ConversationSummary[];
  next?: string | number | null;
  matched?: number;
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

export interface OrderLine {
  sku: string;
  name: string;
  quantity: number;
  unit_price_cents: number;
  line_total_cents: number;
  currency: string;
  color?: string;
  size?: string;
}

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
