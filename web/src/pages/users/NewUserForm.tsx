// POST /api/v1/admin/users: a new team member.
import { useState } from "preact/hooks";
import { request } from "../../api";
import { Outcome } from "../../components/Outcome";
import { LabeledInput, LabeledSelect, NEW_PASSWORD, optionsOf } from "../../components/Field";
import { useAction } from "../../hooks/useAction";
import { t } from "../../i18n";
import { languageLabel, roleLabel } from "../../labels";
import { LANGUAGES, type Language, type Role, type TeamUser } from "../../types";

const ROLES: Role[] = ["sales", "analyst", "admin"];

export function NewUserForm({ onCreated }: { onCreated: () => void }) {
  const [username, setUsername] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [role, setRole] = useState<Role>("sales");
  const [language, setLanguage] = useState<Language>("en");
  const [password, setPassword] = useState("");
  const { busy, error, run } = useAction();
  const [note, setNote] = useState("");

  async function submit(e: Event) {
    e.preventDefault();
    setNote("");
    const body: Record<string, string> = { username: username.trim(), password, role, language };
    if (displayName.trim()) body.display_name = displayName.trim();
    const user = await run(() => request<TeamUser>("/api/v1/admin/users", { method: "POST", body }));
    if (!user) return;
    setNote(t("users.created_note", user.username));
    setUsername("");
    setDisplayName("");
    setPassword("");
    onCreated();
  }

  return (
    <section class="card" aria-labelledby="new-user-title">
      <h2 id="new-user-title">{t("users.new")}</h2>
      <form class="form-grid" onSubmit={submit}>
        <LabeledInput
          stacked
          id="new-username"
          label={t("users.username")}
          required
          pattern="[a-z0-9._\-]{2,32}"
          title={t("users.username_rule")}
          autocapitalize="none"
          autocomplete="off"
          spellcheck={false}
          value={username}
          onValue={setUsername}
        />
        <LabeledInput
          stacked
          id="new-display-name"
          label={t("users.display_name")}
          maxLength={100}
          value={displayName}
          onValue={setDisplayName}
        />
        <LabeledSelect stacked id="new-role" label={t("users.role")} value={role} onValue={setRole} options={optionsOf(ROLES, roleLabel)} />
        <LabeledSelect
          stacked
          id="new-language"
          label={t("users.language")}
          value={language}
          onValue={setLanguage}
          options={optionsOf(LANGUAGES, languageLabel)}
        />
        <LabeledInput stacked id="new-password" label={t("users.password")} {...NEW_PASSWORD} value={password} onValue={setPassword} />
        <div class="field field-submit">
          <button type="submit" disabled={busy}>
            {t("users.create")}
          </button>
        </div>
      </form>
      <Outcome note={note} error={error} />
    </section>
  );
}
