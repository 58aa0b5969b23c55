// A team member with PATCH /api/v1/admin/users/{username}: disable or
// enable, and a new password; a registration waiting for an answer is
// approved with a role, or rejected (POST …/approve, …/reject).
import { useState } from "preact/hooks";
import { pathId, request } from "../../api";
import { LabeledInput, LabeledSelect, NEW_PASSWORD } from "../../components/Field";
import { Outcome } from "../../components/Outcome";
import { isoDay } from "../../format";
import { useAction } from "../../hooks/useAction";
import { t } from "../../i18n";
import { languageLabel, roleLabel } from "../../labels";
import type { TeamUser } from "../../types";

interface Props {
  user: TeamUser;
  onChanged: () => void;
}

export function UserRow({ user, onChanged }: Props) {
  const { busy, error, run } = useAction();
  const [resetting, setResetting] = useState(false);
  const [password, setPassword] = useState("");
  const [note, setNote] = useState("");
  const id = `u-${user.username.replace(/[^a-z0-9_-]/gi, "_")}`;
  const pending = user.status === "pending";
  const [role, setRole] = useState<"sales" | "analyst" | "admin">("sales");

  async function answer(approve: boolean) {
    setNote("");
    const path = `/api/v1/admin/users/${pathId(user.username)}/${approve ? "approve" : "reject"}`;
    const ok = await run(() => request(path, { method: "POST", body: approve ? { role } : {} }).then(() => true));
    if (!ok) return;
    setNote(approve ? t("users.approved_note") : t("users.rejected_note"));
    onChanged();
  }

  async function patch(body: { disabled?: boolean; password?: string }, done: string) {
    setNote("");
    const ok = await run(() => request(`/api/v1/admin/users/${pathId(user.username)}`, { method: "PATCH", body }).then(() => true));
    if (!ok) return;
    setNote(done);
    setResetting(false);
    setPassword("");
    onChanged();
  }

  function reset(e: Event) {
    e.preventDefault();
    void patch({ password }, t("users.password_changed"));
  }

  return (
    <tr data-user={user.username}>
      <td class="mono">{user.username}</td>
      <td>{user.display_name}</td>
      <td>{roleLabel(user.role)}</td>
      <td>{languageLabel(user.language)}</td>
      <td data-disabled={String(user.disabled)} data-status={user.status}>
        {pending
          ? t("users.pending")
          : user.status === "rejected"
            ? t("users.rejected")
            : user.disabled
              ? t("users.disabled")
              : t("users.active")}
      </td>
      <td class="nowrap">{isoDay(user.created_at)}</td>
      <td>
        {pending ? (
          <div class="row-actions">
            <LabeledSelect
              id={`${id}-role`}
              label={t("users.approve_as")}
              value={role}
              onValue={setRole}
              options={(["sales", "analyst", "admin"] as const).map((r) => ({ value: r, label: roleLabel(r) }))}
            />
            <button type="button" data-action="approve" disabled={busy} onClick={() => void answer(true)}>
              {t("users.approve")}
            </button>
            <button type="button" class="button-secondary" data-action="reject" disabled={busy} onClick={() => void answer(false)}>
              {t("users.reject")}
            </button>
          </div>
        ) : (
        <div class="row-actions">
          <button
            type="button"
            class="button-secondary"
            disabled={busy}
            onClick={() =>
              void patch(
                { disabled: !user.disabled },
                user.disabled ? t("users.enabled_note") : t("users.disabled_note"),
              )
            }
          >
            {user.disabled ? t("users.enable") : t("users.disable")}
          </button>
          {resetting ? null : (
            <button type="button" class="button-secondary" disabled={busy} onClick={() => setResetting(true)}>
              {t("users.reset_password")}
            </button>
          )}
        </div>
        )}
        {resetting ? (
          <form class="inline-form" onSubmit={reset}>
            <LabeledInput
              id={`${id}-password`}
              label={t("users.new_password_for", user.username)}
              {...NEW_PASSWORD}
              value={password}
              onValue={setPassword}
            />
            <button type="submit" disabled={busy}>
              {t("common.save")}
            </button>
            <button type="button" class="button-quiet" onClick={() => setResetting(false)}>
              {t("common.cancel")}
            </button>
          </form>
        ) : null}
        <Outcome inline note={note} error={error} />
      </td>
    </tr>
  );
}
