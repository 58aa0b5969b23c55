// What a member does to a lead besides its status: give it to someone else
// (POST /api/v1/leads/{id}/assign; the new owner is told) and log an
// activity (POST /api/v1/leads/{id}/activities). The owners to choose from
// are the enabled sales and admin members (GET /api/v1/team).
import { useState } from "preact/hooks";
import { pathId, request } from "../../api";
import { LabeledSelect } from "../../components/Field";
import { Outcome } from "../../components/Outcome";
import { useAction } from "../../hooks/useAction";
import { useFetch } from "../../hooks/useFetch";
import { t } from "../../i18n";
import type { Lead } from "../../types";
import type { Answer } from "../../openapi";

export function AssignForm({ lead, onChanged }: { lead: Lead; onChanged: () => void }) {
  const team = useFetch<Answer<"/api/v1/team">>("/api/v1/team");
  const owners = (team.data?.members ?? []).filter((m) => m.role !== "analyst");
  const [to, setTo] = useState("");
  const { busy, error, run } = useAction();
  const [done, setDone] = useState(false);
  const chosen = to || lead.assignee;

  async function submit(e: Event) {
    e.preventDefault();
    setDone(false);
    const path = `/api/v1/leads/${pathId(lead.lead_id)}/assign`;
    const ok = await run(() => request(path, { method: "POST", body: { to: chosen } }).then(() => true));
    if (!ok) return;
    setDone(true);
    onChanged();
  }

  return (
    <form class="inline-form" onSubmit={submit} data-form="assign">
      <LabeledSelect
        id="lead-assignee"
        label={t("lead.owner")}
        value={chosen}
        onValue={setTo}
        options={owners.map((m) => ({ value: m.username, label: m.display_name || m.username }))}
      />
      <button type="submit" data-action="reassign" disabled={busy || chosen === lead.assignee}>
        {t("lead.reassign")}
      </button>
      <Outcome inline note={done ? t("lead.reassigned") : ""} error={error ?? team.error?.message ?? null} />
    </form>
  );
}

export function ActivityForm({ lead, onChanged }: { lead: Lead; onChanged: () => void }) {
  const [note, setNote] = useState("");
  const { busy, error, run } = useAction();
  const [done, setDone] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    setDone(false);
    const path = `/api/v1/leads/${pathId(lead.lead_id)}/activities`;
    const ok = await run(() => request(path, { method: "POST", body: { note: note.trim() } }).then(() => true));
    if (!ok) return;
    setNote("");
    setDone(true);
    onChanged();
  }

  return (
    <form class="form-stack" onSubmit={submit} data-form="activity">
      <label for="lead-activity">{t("lead.activity")}</label>
      <textarea id="lead-activity" rows={2} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      <button type="submit" data-action="log-activity" disabled={busy || !note.trim()}>
        {t("lead.log_activity")}
      </button>
      <Outcome inline note={done ? t("lead.activity_logged") : ""} error={error} />
    </form>
  );
}
