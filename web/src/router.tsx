// Hash routing: #/<page> or #/<page>/<id>.
import { useEffect, useState } from "preact/hooks";
import type { PageName } from "./roles";

export interface Route {
  page: string;
  id: string | null;
}

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, "").split("/");
  const page = parts[0] ?? "";
  const rest = parts.slice(1).join("/");
  let id: string | null = null;
  if (rest) {
    try {
      id = decodeURIComponent(rest);
    } catch {
      id = rest;
    }
  }
  return { page, id };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(location.hash));
    window.addEventListener("hashchange", onChange);
    return () => window.removeEventListener("hashchange", onChange);
  }, []);
  return route;
}

export function href(page: PageName, id?: string): string {
  return id ? `#/${page}/${encodeURIComponent(id)}` : `#/${page}`;
}

// Puts a page in the address bar without a history entry (the default page).
export function replaceRoute(page: PageName): void {
  history.replaceState(null, "", href(page));
}
