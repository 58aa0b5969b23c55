// The frame around every page: the header with the menu (the pages the
// role may use; collapsed behind a button on a narrow screen), who is signed
// in, sign-out, and the page itself.
import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { t, type MessageKey } from "../i18n";
import { roleLabel } from "../labels";
import { href } from "../router";
import { pagesFor, type PageName } from "../roles";
import { useSession } from "../session";
import { ErrorBanner } from "./ErrorBanner";

interface Props {
  current: string; // the page in the address bar
  routeKey: string; // changes on every navigation
  children: ComponentChildren;
}

export const PAGE_TITLES: Record<PageName, MessageKey> = {
  inbox: "nav.inbox",
  leads: "nav.leads",
  tasks: "nav.tasks",
  dashboard: "nav.dashboard",
  orders: "nav.orders",
  catalog: "nav.catalog",
  settings: "settings.title",
  replay: "nav.replay",
  outbox: "nav.outbox",
  users: "nav.users",
};

export function Shell({ current, routeKey, children }: Props) {
  const { user, signOut } = useSession();
  const [menuOpen, setMenuOpen] = useState(false);
  const [signOutError, setSignOutError] = useState<string | null>(null);
  const [signingOut, setSigningOut] = useState(false);
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  useEffect(() => {
    setMenuOpen(false);
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [routeKey]);

  async function onSignOut() {
    setSigningOut(true);
    setSignOutError(null);
    const error = await signOut();
    if (error) {
      setSignOutError(error);
      setSigningOut(false);
    }
  }

  function skipToMain(e: Event) {
    e.preventDefault();
    main.current?.focus();
  }

  return (
    <div class="shell">
      <a class="skip-link" href="#main" onClick={skipToMain}>
        {t("nav.skip")}
      </a>
      <header class="topbar">
        <span class="brand">Parley</span>
        <button
          type="button"
          class="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="main-menu"
          onClick={() => setMenuOpen(!menuOpen)}
        >
          {t("nav.menu")}
        </button>
        <nav id="main-menu" class={menuOpen ? "menu open" : "menu"} aria-label={t("nav.label")}>
          <ul>
            {pagesFor(user.role).map((page) => (
              <li key={page} class={current === page ? "current" : undefined}>
                <a
                  href={href(page)}
                  data-page={page}
                  aria-current={current === page ? "page" : undefined}
                >
                  {t(PAGE_TITLES[page])}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="who">
          <span class="who-name" title={user.username}>
            {user.display_name || user.username}
            <span class="who-role"> · {roleLabel(user.role)}</span>
          </span>
          <button type="button" class="button-quiet" onClick={onSignOut} disabled={signingOut}>
            {t("nav.sign_out")}
          </button>
        </div>
      </header>
      <ErrorBanner message={signOutError} />
      <main id="main" ref={main} tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
