// Asking to join the team from the sign-in page (POST /api/v1/register):
// the request waits until an admin approves it and chooses the role. A shop
// that takes no registrations says so in words.
import { useState } from "preact/hooks";
import { request } from "../api";
import { LabeledInput, NEW_PASSWORD } from "../components/Field";
import { Outcome } from "../components/Outcome";
import { useAction } from "../hooks/useAction";
import { t } from "../i18n";

export function RequestAccess() {
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState({ username: "", display_name: "", password: "" });
  const [note, setNote] = useState("");
  const { busy, error, run } = useAction();

  async function ask(e: Event) {
    e.preventDefault();
    setNote("");
    const body = { ...values, username: values.username.trim(), display_name: values.display_name.trim() };
    const ok = await run(() => request("/api/v1/register", { method: "POST", body, allow401: true }).then(() => true));
    if (!ok) return;
    setNote(t("register.sent"));
    setValues({ username: "", display_name: "", password: "" });
  }

  const field = (name: keyof typeof values) => (v: string) => setValues((old) => ({ ...old, [name]: v }));
  if (!open)
    return (
      <p>
        <button type="button" class="button-quiet" data-action="request-access" onClick={() => setOpen(true)}>
          {t("register.open")}
        </button>
      </p>
    );
  return (
    <form class="card form-stack small" onSubmit={ask} aria-labelledby="register-title" data-register-form>
      <h2 id="register-title">{t("register.title")}</h2>
      <LabeledInput id="register-username" label={t("signin.username")} required autocomplete="username" autocapitalize="none" spellcheck={false} value={values.username} onValue={field("username")} />
      <LabeledInput id="register-name" label={t("register.display_name")} required autocomplete="name" value={values.display_name} onValue={field("display_name")} />
      <LabeledInput id="register-password" label={t("signin.password")} {...NEW_PASSWORD} value={values.password} onValue={field("password")} />
      <button type="submit" class="button-secondary" disabled={busy}>
        {t("register.submit")}
      </button>
      <Outcome note={note} error={error} />
    </form>
  );
}
