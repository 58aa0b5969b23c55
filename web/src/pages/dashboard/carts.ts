// Carts counted and chosen as GET /api/v1/analytics/carts?state= would:
// "open" holds every cart with lines (abandoned ones too), "abandoned" the
// open carts untouched for a day, "ordered" and "emptied" their status.
import { CART_STATES, type CartRow, type CartState } from "./types";

export function inState(cart: CartRow, state: CartState | ""): boolean {
  if (state === "") return true;
  if (state === "abandoned") return cart.abandoned === true;
  return cart.status === state;
}

export function countByState(carts: CartRow[]): Record<CartState, number> {
  const counts = { open: 0, abandoned: 0, ordered: 0, emptied: 0 };
  for (const c of carts) for (const s of CART_STATES) if (inState(c, s)) counts[s] += 1;
  return counts;
}

// The abandoned carts' value, a sum per currency (largest first).
export function abandonedValue(carts: CartRow[]): [string, number][] {
  const by = new Map<string, number>();
  for (const c of carts)
    if (c.abandoned) by.set(c.currency ?? "", (by.get(c.currency ?? "") ?? 0) + (c.value_cents ?? 0));
  return [...by.entries()].sort((a, b) => b[1] - a[1]);
}

// The last touched first; ties by id, so the order never flickers.
export function newestFirst(carts: CartRow[]): CartRow[] {
  return [...carts].sort(
    (a, b) =>
      (b.updated_us ?? 0) - (a.updated_us ?? 0) ||
      (b.updated_local ?? "").localeCompare(a.updated_local ?? "") ||
      a.conversation_id.localeCompare(b.conversation_id),
  );
}
