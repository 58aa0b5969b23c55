// The JSON shapes the console reads: docs/openapi.json's, through the types
// generated from it (openapi.ts). Lists of values the UI offers stay here.
import type { Answer, Schema } from "./openapi";
// describe them. Fields the console can live without are optional.

export type Role = SessionUser["role"];
export const LANGUAGES = ["en", "es", "ru", "id", "hi"] as const;
export type Language = (typeof LANGUAGES)[number];

export type SessionUser = Schema<"SessionUser">;

export type SessionAnswer = Answer<"/api/v1/auth/session", "post">;

// The channels a conversation may come from (docs/API.md, "Channels").
export const CHANNELS = ["api", "telegram", "whatsapp", "twilio", "greenapi", "maytapi"] as const;

// GET /api/v1/conversations: a page of the inbox.
export type ConversationPage = Answer<"/api/v1/conversations">;
export type ConversationSummary = ConversationPage["conversations"][number];


// GET /api/v1/conversations/{id} (http/conversation_view.cpp). A message's
// author (a person, "operator:<username>"; absent for the bot) and, for a
// message Parley sent, its delivery status when one is known.
export type Media = Schema<"Media">;

export type DeliveryStatus = NonNullable<ConversationMessage["delivery_status"]>;

export type ConversationMessage = ConversationView["messages"][number];

export type CartLine = Schema<"CartLine">;

export type ConversationView = Schema<"ConversationView">;

export type HandoffAnswer = Answer<"/api/v1/conversations/{conversation_id}/handoff", "post">;

export type ReplyAnswer = Answer<"/api/v1/conversations/{conversation_id}/reply", "post">;

export type EventEnvelope = Schema<"EventEnvelope">;

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

export type Appointment = NonNullable<Lead["appointments"]>[number];

export type FollowUp = NonNullable<Lead["follow_ups"]>[number];

export type Lead = Schema<"Lead">;

export type LeadHistoryEntry = Answer<"/api/v1/leads/{lead_id}/history">["history"][number];

export type Task = TaskList["tasks"][number];

export type TaskList = Answer<"/api/v1/tasks">;

export type BillingDay = Billing["by_day"][number];

export type BillingTotals = Billing["totals"];

export type Billing = Answer<"/api/v1/analytics/billing">;

export type Funnel = Answer<"/api/v1/analytics/funnel">;

// In the order an order goes through them.
export const ORDER_STATUSES = ["placed", "awaiting_payment", "paid", "shipped", "delivered", "cancelled", "refunded"] as const;

export type OrderRow = Answer<"/api/v1/analytics/orders">["orders"][number];

export type OrderLine = CartLine;

export type Order = Schema<"Order">;

export type SearchHit = Answer<"/api/v1/products/search">["results"][number];

export type Product = Schema<"Product">;

export type ImportReport = Answer<"/api/v1/products/import", "post">;

export type TeamUser = Schema<"User">;
