// Which pages each role may use, in menu order.
export const PAGES = ["inbox", "leads", "tasks", "dashboard", "orders", "catalog", "settings", "replay", "outbox", "users"] as const;
export type PageName = (typeof PAGES)[number];

const ACCESS: Record<string, readonly PageName[]> = {
  admin: PAGES,
  sales: ["inbox", "leads", "tasks"],
  analyst: ["dashboard"],
};

export function isPage(name: string): name is PageName {
  return (PAGES as readonly string[]).includes(name);
}

export function pagesFor(role: string): readonly PageName[] {
  return ACCESS[role] ?? [];
}

export function canUse(role: string, page: PageName): boolean {
  return pagesFor(role).includes(page);
}
