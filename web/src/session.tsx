// Who is signed in. On load GET /api/v1/auth/me (the cookie rides along):
// 401 means the sign-in form. Any later 401 from the API returns there too.
import { createContext } from "preact";
import { useCallback, useContext, useEffect, useState } from "preact/hooks";
import { request, setUnauthorizedHandler, toApiError } from "./api";
import { setTimeZone } from "./format";
import { setLanguage, type MessageKey } from "./i18n";
import type { SessionUser } from "./types";

export type SessionState =
  | { status: "checking" }
  | { status: "signed_out"; notice: MessageKey | null; error: string | null }
  | { status: "signed_in"; user: SessionUser };

export interface Session {
  user: SessionUser;
  signOut: () => Promise<string | null>;
}

const SessionContext = createContext<Session | null>(null);
export const SessionProvider = SessionContext.Provider;

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error("useSession outside a signed-in session");
  return s;
}

export function useSessionState() {
  const [state, setState] = useState<SessionState>({ status: "checking" });

  const signedOut = useCallback((notice: MessageKey | null, error: string | null = null) => {
    setLanguage("en");
    setState({ status: "signed_out", notice, error });
  }, []);

  const signedIn = useCallback((user: SessionUser) => {
    setLanguage(user.language);
    setTimeZone(user.timezone);
    setState({ status: "signed_in", user });
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => signedOut("signin.expired"));
    const abort = new AbortController();
    request<SessionUser>("/api/v1/auth/me", { signal: abort.signal, allow401: true })
      .then(signedIn)
      .catch((e: unknown) => {
        if (abort.signal.aborted) return;
        const err = toApiError(e);
        signedOut(null, err.status === 401 ? null : err.message);
      });
    return () => {
      abort.abort();
      setUnauthorizedHandler(null);
    };
  }, [signedIn, signedOut]);

  // Resolves to an error message when the server could not end the session.
  const signOut = useCallback(async (): Promise<string | null> => {
    try {
      await request("/api/v1/auth/session", { method: "DELETE", allow401: true });
    } catch (e) {
      const err = toApiError(e);
      if (err.status !== 401) return err.message;
    }
    signedOut("signin.signed_out");
    return null;
  }, [signedOut]);

  return { state, signedIn, signOut };
}
