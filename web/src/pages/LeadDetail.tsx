// One lead: who and what, its appointments and follow-ups, its history in
// words, a status change (POST /api/v1/leads/{id}/status), a new owner and a
// logged activity (pages/lead/LeadActions.tsx).
import { useEffect, useState } from "preact/hooks";
import { pathId, request } from "../api";
import { ErrorBanner } from "../components/ErrorBanner";
import { Facts } from "../components/Facts";
import { LabeledSelect, optionsOf } from "../components/Field";
import { Loading } from "../components/Loading";
import { Outcome } from "../components/Outcome";
import { Page } from "../components/Page";
import { formatIso, formatLocal } from "../format";
import { useAction } from "../hooks/useAction";
import { useFetch } from "../hooks/useFetch";
import { t } from "../i18n";
import { leadStatusLabel, taskKindLabel, yesNo } from "../labels";
import { href } from "../router";
import { useSession } from "../session";
import { LEAD_STATUSES, type Lead, type LeadHistoryEntry } from "../types";
import { ActivityForm, AssignForm } from "./lead/LeadActions";
import type { Answer } from "../openapi";

function StatusForm({ lead, onChanged }: { lead: Lead; onChanged: () => void }) {
  const [status, setStatus] = useState<string>(lead.status);
  const { busy, error, run } = useAction();
  const [done, setDone] = useState(false);
  useEffect(() => setStatus(lead.status), [lead.status]);

  async function submit(e: Event) {
    e.preventDefault();
    setDone(false);
    const path = `/api/v1/leads/${pathId(lead.lead_id)}/status`;
    const ok = await run(() => request(path, { method: "POST", body: { status } }).then(() => true));
    if (!ok) return;
    setDone(true);
    onChanged();
  }

  return (
    <form class="inline-form" onSubmit={submit}>
      <LabeledSelect
        id="lead-status"
        label={t("lead.status")}
        value={status}
        onValue={setStatus}
        options={optionsOf<string>(LEAD_STATUSES, leadStatusLabel)}
      />
      <button type="submit" disabled={busy || status === lead.status}>
        {t("lead.change_status")}
      </button>
      <Outcome inline note={done ? t("lead.status_changed") : ""} error={error} />
    </form>
  );
}

function LeadFacts({ lead }: { lead: Lead }) {
  const rows: [string, string][] = [
    [t("lead.contact"), lead.contact_name || "–"],
    [t("lead.phone"), lead.phone || "–"],
    [t("lead.email"), lead.email || "–"],
    [t("lead.source"), lead.source || "–"],
    [t("leads.assignee"), lead.assignee_name || lead.assignee || "–"],
    [t("lead.creator"), lead.creator || "–"],
    [t("lead.qualified"), yesNo(lead.qualified)],
    [t("lead.created"), formatIso(lead.created_at)],
    [t("lead.updated"), formatIso(lead.updated_at)],
  ];
  for (const [k, v] of Object.entries(lead.details ?? {})) rows.push([k.replace(/_/g, " "), v]);
  return <Facts rows={rows} />;
}

function Schedule({ lead }: { lead: Lead }) {
  const appointments = lead.appointments ?? [];
  const followUps = lead.follow_ups ?? [];
  return (
    <>
      <h2>{t("lead.appointments")}</h2>
      {appointments.length ? (
        <ul class="plain-list">
          {appointments.map((a) => (
            <li key={a.id}>
              <span class="nowrap">{formatLocal(a.when)}</span> · {taskKindLabel(a.kind)}
              {a.state ? ` · ${a.state}` : ""}
              {a.note ? <div class="muted">{a.note}</div> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t("lead.no_appointments")}</p>
      )}
      <h2>{t("lead.follow_ups")}</h2>
      {followUps.length ? (
        <ul class="plain-list">
          {followUps.map((f) => (
            <li key={f.step_id}>
              <span class="nowrap">{formatLocal(f.due)}</span> · {f.state}
              {f.skip_reason ? ` (${f.skip_reason})` : ""}
              <div class="muted">{f.text}</div>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t("lead.no_follow_ups")}</p>
      )}
    </>
  );
}

function History({ entries }: { entries: LeadHistoryEntry[] }) {
  if (!entries.length) return <p class="muted">{t("lead.no_history")}</p>;
  return (
    <ol class="history">
      {entries.map((h) => (
        <li key={h.seq}>
          <span class="nowrap muted">{formatLocal(h.at_local)}</span>{" "}
          <strong>{h.by_name || h.by}</strong>: {h.text}
        </li>
      ))}
    </ol>
  );
}

export function LeadDetail({ id }: { id: string }) {
  const { user } = useSession();
  const base = `/api/v1/leads/${pathId(id)}`;
  const lead = useFetch<Lead>(base);
  const history = useFetch<Answer<"/api/v1/leads/{lead_id}/history">>(`${base}/history`);
  const canChange = user.role === "admin" || user.role === "sales";

  function reload() {
    lead.reload();
    history.reload();
  }

  return (
    <Page name="lead" title={lead.data?.company ?? t("lead.title")} back={{ href: href("leads"), label: t("lead.back") }}>
      <ErrorBanner message={lead.error?.message ?? history.error?.message} />
      {lead.loading && !lead.data ? <Loading tall /> : null}
      {lead.data ? (
        <div class="detail-grid">
          <div>
            <p>
              {t("lead.status")}: <strong data-lead-status={lead.data.status}>{leadStatusLabel(lead.data.status)}</strong>
            </p>
            {canChange ? <StatusForm lead={lead.data} onChanged={reload} /> : null}
            {canChange ? <AssignForm lead={lead.data} onChanged={reload} /> : null}
            <LeadFacts lead={lead.data} />
            <Schedule lead={lead.data} />
          </div>
          <div>
            <h2>{t("lead.history")}</h2>
            {canChange ? <ActivityForm lead={lead.data} onChanged={reload} /> : null}
            {history.data ? <History entries={history.data.history ?? []} /> : history.loading ? <Loading /> : null}
          </div>
        </div>
      ) : null}
    </Page>
  );
}
