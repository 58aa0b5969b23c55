// Which page the address bar names, if the role may use it.
import type { VNode } from "preact";
import { useEffect } from "preact/hooks";
import { t } from "../i18n";
import { Catalog } from "../pages/Catalog";
import { Conversation } from "../pages/Conversation";
import { Dashboard } from "../pages/Dashboard";
import { Inbox } from "../pages/Inbox";
import { LeadDetail } from "../pages/LeadDetail";
import { Leads } from "../pages/Leads";
import { OrderDetail } from "../pages/OrderDetail";
import { Orders } from "../pages/Orders";
import { Outbox } from "../pages/Outbox";
import { Replay } from "../pages/Replay";
import { Settings } from "../pages/Settings";
import { Tasks } from "../pages/Tasks";
import { Users } from "../pages/Users";
import { replaceRoute, useRoute } from "../router";
import { canUse, isPage, pagesFor, type PageName } from "../roles";
import { useSession } from "../session";
import { Shell } from "./Shell";

// Each page's list, and its one-item page where it has one (#/<page>/<id>).
const VIEWS: Record<PageName, { list: () => VNode; one?: (id: string) => VNode }> = {
  inbox: { list: () => <Inbox />, one: (id) => <Conversation key={id} id={id} /> },
  leads: { list: () => <Leads />, one: (id) => <LeadDetail key={id} id={id} /> },
  tasks: { list: () => <Tasks /> },
  dashboard: { list: () => <Dashboard /> },
  orders: { list: () => <Orders />, one: (id) => <OrderDetail key={id} id={id} /> },
  catalog: { list: () => <Catalog /> },
  settings: { list: () => <Settings /> },
  replay: { list: () => <Replay /> },
  outbox: { list: () => <Outbox /> },
  users: { list: () => <Users /> },
};

function content(page: PageName, id: string | null) {
  const view = VIEWS[page];
  return id && view.one ? view.one(id) : view.list();
}

function Notice({ text, kind }: { text: string; kind: "not-found" | "not-available" }) {
  return (
    <section
      class="page"
      data-not-found={kind === "not-found" ? "" : undefined}
      data-not-available={kind === "not-available" ? "" : undefined}
    >
      <h1>{text}</h1>
    </section>
  );
}

export function PageView() {
  const { user } = useSession();
  const route = useRoute();
  const home = pagesFor(user.role)[0];
  const page = route.page === "" && home ? home : route.page;

  useEffect(() => {
    if (route.page === "" && home) replaceRoute(home);
  }, [route.page, home]);

  let body;
  if (!isPage(page)) body = <Notice kind="not-found" text={t("page.not_found")} />;
  else if (!canUse(user.role, page)) body = <Notice kind="not-available" text={t("page.not_available")} />;
  else body = content(page, route.id);

  return (
    <Shell current={page} routeKey={`${page}/${route.id ?? ""}`}>
      {body}
    </Shell>
  );
}
