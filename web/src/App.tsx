// The whole console: checking the session, then the sign-in form or the
// pages of the signed-in user's role.
import { Loading } from "./components/Loading";
import { PageView } from "./components/PageView";
import { SignIn } from "./pages/SignIn";
import { SessionProvider, useSessionState } from "./session";

export function App() {
  const { state, signedIn, signOut } = useSessionState();
  if (state.status === "checking") return <Loading tall />;
  if (state.status === "signed_out")
    return <SignIn notice={state.notice} initialError={state.error} onSignedIn={signedIn} />;
  return (
    <SessionProvider value={{ user: state.user, signOut }}>
      <PageView />
    </SessionProvider>
  );
}
