// Which page the address bar names, if the role may use it.
import { useEffect } from "preact/hooks";
import { t } from "../i18n";
import { Catalog } from "../pages/Catalog";
import { Dashboard } from "../pages/Dashboard";
import { Inbox } from "../pages/Inbox";
import { LeadDetail } from "../pages/LeadDetail";
import { Leads } from "../pages/Leads";
import { OrderDetail } from "../pages/OrderDetail";
import { Orders } from "../pages/Orders";
import { Tasks } from "../pages/Tasks";
import { Users } from "../pages/Users";
import { replaceRoute, useRoute } from "../router";
import { canUse, isPage, pagesFor, type PageName } from "../roles";
import { useSession } from "../session";
import { Shell } from "./Shell";

function content(page: PageName, id: string | null) {
  switch (page) {
    case "inbox":
      return <Inbox />;
    case "leads":
      return id ? <LeadDetail key={id} id={id} /> : <Leads />;
    case "tasks":
      return <Tasks />;
    case "dashboard":
      return <Dashboard />;
    case "orders":
      return id ? <OrderDetail key={id} id={id} /> : <Orders />;
    case "catalog":
      return <Catalog />;
    case "users":
      return <Users />;
  }
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
