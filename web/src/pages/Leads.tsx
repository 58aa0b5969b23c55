// The lead board: a column per status (domain/lead.hpp), newest first.
import { FetchState } from "../components/FetchState";
import { Page } from "../components/Page";
import { useFetch } from "../hooks/useFetch";
import { t } from "../i18n";
import { leadStatusLabel } from "../labels";
import { href } from "../router";
import { LEAD_STATUSES, type Lead } from "../types";
import type { Answer } from "../openapi";

function columns(leads: Lead[]): [string, Lead[]][] {
  const by = new Map<string, Lead[]>(LEAD_STATUSES.map((s) => [s, []]));
  for (const lead of leads) {
    const list = by.get(lead.status) ?? [];
    list.push(lead);
    by.set(lead.status, list);
  }
  return [...by.entries()];
}

function LeadCard({ lead }: { lead: Lead }) {
  return (
    <li>
      <a class="lead-card" href={href("leads", lead.lead_id)} data-lead={lead.lead_id}>
        <strong>{lead.company}</strong>
        {lead.contact_name ? <span>{lead.contact_name}</span> : null}
        <span class="muted">
          {t("leads.assignee")}: {lead.assignee_name || lead.assignee || "–"}
        </span>
      </a>
    </li>
  );
}

export function Leads() {
  const fetched = useFetch<Answer<"/api/v1/leads">>("/api/v1/leads");
  const leads = fetched.data?.leads ?? [];
  return (
    <Page name="leads" title={t("leads.title")}>
      <FetchState of={fetched} empty={leads.length === 0} emptyText={t("leads.empty")} tall />
      {leads.length > 0 ? (
        <div class="board" role="region" aria-label={t("leads.board")} tabIndex={0}>
          {columns(leads).map(([status, list]) => (
            <section class="board-column" key={status} data-status={status} aria-labelledby={`col-${status}`}>
              <h2 id={`col-${status}`}>
                {leadStatusLabel(status)} <span class="count">{list.length}</span>
              </h2>
              {list.length ? (
                <ul class="cards">
                  {list.map((lead) => (
                    <LeadCard key={lead.lead_id} lead={lead} />
                  ))}
                </ul>
              ) : (
                <p class="muted small">{t("leads.column_empty")}</p>
              )}
            </section>
          ))}
        </div>
      ) : null}
    </Page>
  );
}
