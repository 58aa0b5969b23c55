// A change the user asked for: busy while it runs, and the server's words
// when it fails. run() resolves to the work's answer, or undefined on failure.
import { useCallback, useState } from "preact/hooks";
import { toApiError, type ApiError } from "../api";

export interface Action {
  busy: boolean;
  error: string | null;
  setError: (message: string | null) => void;
  // onError may put other words in the banner (or none: null).
  run: <T>(work: () => Promise<T>, onError?: (e: ApiError) => string | null) => Promise<T | undefined>;
}

export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async <T,>(work: () => Promise<T>, onError?: (e: ApiError) => string | null): Promise<T | undefined> => {
      setBusy(true);
      setError(null);
      try {
        return await work();
      } catch (e) {
        const err = toApiError(e);
        setError(onError ? onError(err) : err.message);
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [],
  );
  return { busy, error, setError, run };
}
