// Sign in with a username and password, or with an admin token.
// POST /api/v1/auth/session puts the token in an HttpOnly cookie.
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { request } from "../api";
import { ErrorBanner } from "../components/ErrorBanner";
import { LabeledInput } from "../components/Field";
import { useAction } from "../hooks/useAction";
import { t, type MessageKey } from "../i18n";
import { parseHash } from "../router";
import { RequestAccess } from "./RequestAccess";
import { canUse, isPage } from "../roles";
import type { SessionAnswer, SessionUser } from "../types";

interface Props {
  notice: MessageKey | null;
  initialError: string | null;
  onSignedIn: (user: SessionUser) => void;
}

// One way in: a card with its title, fields and button.
function Way(props: {
  id: string;
  title: string;
  small?: boolean;
  submit: string;
  secondary?: boolean;
  busy: boolean;
  onSubmit: (e: Event) => void;
  children: ComponentChildren;
}) {
  return (
    <form class={props.small ? "card form-stack small" : "card form-stack"} onSubmit={props.onSubmit} aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.children}
      <button type="submit" class={props.secondary ? "button-secondary" : undefined} disabled={props.busy}>
        {props.submit}
      </button>
    </form>
  );
}

export function SignIn({ notice, initialError, onSignedIn }: Props) {
  const [values, setValues] = useState({ username: "", password: "", token: "" });
  const { username, password, token } = values;
  const { busy, error, run } = useAction();

  async function start(body: Record<string, string>) {
    const answer = await run(() =>
      request<SessionAnswer>("/api/v1/auth/session", { method: "POST", body, allow401: true }),
    );
    if (!answer) return;
    // A page left by the previous user that this role may not use: start
    // at this role's first page instead.
    const { page } = parseHash(location.hash);
    if (isPage(page) && !canUse(answer.user.role, page)) history.replaceState(null, "", "#/");
    onSignedIn(answer.user);
  }

  // #signin-<name>, required.
  function input(name: keyof typeof values, label: string, attrs: { type?: string; autocomplete: string; autocapitalize?: "none"; spellcheck?: boolean }) {
    return (
      <LabeledInput
        id={`signin-${name}`}
        label={label}
        name={name}
        required
        {...attrs}
        value={values[name]}
        onValue={(v) => setValues((old) => ({ ...old, [name]: v }))}
      />
    );
  }

  function withPassword(e: Event) {
    e.preventDefault();
    void start({ username: username.trim(), password });
  }

  function withToken(e: Event) {
    e.preventDefault();
    void start({ token: token.trim() });
  }

  return (
    <main class="signin" id="main">
      <h1>{t("signin.title")}</h1>
      {notice ? <p class="notice">{t(notice)}</p> : null}
      <ErrorBanner message={busy ? null : (error ?? initialError)} />
      <Way id="signin-password-title" title={t("signin.with_password")} submit={t("signin.submit")} busy={busy} onSubmit={withPassword}>
        {input("username", t("signin.username"), { autocomplete: "username", autocapitalize: "none", spellcheck: false })}
        {input("password", t("signin.password"), { type: "password", autocomplete: "current-password" })}
      </Way>
      <Way
        id="signin-token-title"
        title={t("signin.with_token")}
        small
        submit={t("signin.submit_token")}
        secondary
        busy={busy}
        onSubmit={withToken}
      >
        {input("token", t("signin.token"), { type: "password", autocomplete: "off", spellcheck: false })}
      </Way>
      <RequestAccess />
    </main>
  );
}
