// Sign in with a username and password, or with an admin token.
// POST /api/v1/auth/session puts the token in an HttpOnly cookie.
import { useState } from "preact/hooks";
import { request, toApiError } from "../api";
import { ErrorBanner } from "../components/ErrorBanner";
import { t, type MessageKey } from "../i18n";
import { parseHash } from "../router";
import { canUse, isPage } from "../roles";
import type { SessionAnswer, SessionUser } from "../types";

interface Props {
  notice: MessageKey | null;
  initialError: string | null;
  onSignedIn: (user: SessionUser) => void;
}

export function SignIn({ notice, initialError, onSignedIn }: Props) {
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [token, setToken] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(initialError);

  async function start(body: Record<string, string>) {
    setBusy(true);
    setError(null);
    try {
      const answer = await request<SessionAnswer>("/api/v1/auth/session", {
        method: "POST",
        body,
        allow401: true,
      });
      // A page left by the previous user that this role may not use: start
      // at this role's first page instead.
      const { page } = parseHash(location.hash);
      if (isPage(page) && !canUse(answer.user.role, page)) history.replaceState(null, "", "#/");
      onSignedIn(answer.user);
    } catch (e) {
      setError(toApiError(e).message);
      setBusy(false);
    }
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
      <ErrorBanner message={error} />
      <form class="card form-stack" onSubmit={withPassword} aria-labelledby="signin-password-title">
        <h2 id="signin-password-title">{t("signin.with_password")}</h2>
        <label for="signin-username">{t("signin.username")}</label>
        <input
          id="signin-username"
          name="username"
          autocomplete="username"
          autocapitalize="none"
          spellcheck={false}
          required
          value={username}
          onInput={(e) => setUsername(e.currentTarget.value)}
        />
        <label for="signin-password">{t("signin.password")}</label>
        <input
          id="signin-password"
          name="password"
          type="password"
          autocomplete="current-password"
          required
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
        <button type="submit" disabled={busy}>
          {t("signin.submit")}
        </button>
      </form>
      <form class="card form-stack small" onSubmit={withToken} aria-labelledby="signin-token-title">
        <h2 id="signin-token-title">{t("signin.with_token")}</h2>
        <label for="signin-token">{t("signin.token")}</label>
        <input
          id="signin-token"
          name="token"
          type="password"
          autocomplete="off"
          spellcheck={false}
          required
          value={token}
          onInput={(e) => setToken(e.currentTarget.value)}
        />
        <button type="submit" class="button-secondary" disabled={busy}>
          {t("signin.submit_token")}
        </button>
      </form>
    </main>
  );
}
