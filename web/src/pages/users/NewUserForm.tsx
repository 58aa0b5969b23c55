// POST /api/v1/admin/users: a new team member.
import { useState } from "preact/hooks";
import { request, toApiError } from "../../api";
import { ErrorBanner } from "../../components/ErrorBanner";
import { t } from "../../i18n";
import { languageLabel, roleLabel } from "../../labels";
import type { Language, Role, TeamUser } from "../../types";

const ROLES: Role[] = ["sales", "analyst", "admin"];
const LANGUAGES: Language[] = ["en", "es", "ru", "id", "hi"];

export function NewUserForm({ onCreated }: { onCreated: () => void }) {
  const [username, setUsername] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [role, setRole] = useState<Role>("sales");
  const [language, setLanguage] = useState<Language>("en");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState("");

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setNote("");
    const body: Record<string, string> = { username: username.trim(), password, role, language };
    if (displayName.trim()) body.display_name = displayName.trim();
    try {
      const user = await request<TeamUser>("/api/v1/admin/users", { method: "POST", body });
      setNote(t("users.created_note", user.username));
      setUsername("");
      setDisplayName("");
      setPassword("");
      onCreated();
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card" aria-labelledby="new-user-title">
      <h2 id="new-user-title">{t("users.new")}</h2>
      <form class="form-grid" onSubmit={submit}>
        <div class="field">
          <label for="new-username">{t("users.username")}</label>
          <input
            id="new-username"
            required
            pattern="[a-z0-9._\-]{2,32}"
            title={t("users.username_rule")}
            autocapitalize="none"
            autocomplete="off"
            spellcheck={false}
            value={username}
            onInput={(e) => setUsername(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="new-display-name">{t("users.display_name")}</label>
          <input
            id="new-display-name"
            maxLength={100}
            value={displayName}
            onInput={(e) => setDisplayName(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="new-role">{t("users.role")}</label>
          <select id="new-role" value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="new-language">{t("users.language")}</label>
          <select id="new-language" value={language} onChange={(e) => setLanguage(e.currentTarget.value as Language)}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {languageLabel(l)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="new-password">{t("users.password")}</label>
          <input
            id="new-password"
            type="password"
            autocomplete="new-password"
            minLength={8}
            maxLength={256}
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </div>
        <div class="field field-submit">
          <button type="submit" disabled={busy}>
            {t("users.create")}
          </button>
        </div>
      </form>
      <p class="form-note" role="status">
        {note}
      </p>
      <ErrorBanner message={error} />
    </section>
  );
}
