// GET a path and keep its answer; a new path refetches, reload() refetches the
// same. While a refetch runs the old data stays (no layout jump). With a live
// topic (hooks/useLive) the path is read again quietly whenever the topic may
// have changed: no "Loading…", and a failed refresh keeps what was shown.
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { ApiError, isAbort, request, toApiError } from "../api";
import { useLive, type LiveTopic } from "./useLive";

export interface Fetched<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
  refresh: () => void; // reads again quietly, keeping what is shown
}

export function useFetch<T>(path: string | null, live: LiveTopic | null = null): Fetched<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(path !== null);
  const [round, setRound] = useState({ n: 0, quiet: false });
  const shown = useRef<string | null>(null); // the path whose answer is shown

  useEffect(() => {
    if (path === null) {
      setLoading(false);
      return;
    }
    const quiet = round.quiet && shown.current === path;
    const abort = new AbortController();
    if (!quiet) setLoading(true);
    request<T>(path, { signal: abort.signal })
      .then((d) => {
        shown.current = path;
        setData(d);
        setError(null);
        setLoading(false);
      })
      .catch((e: unknown) => {
        if (isAbort(e)) return;
        if (!quiet) {
          shown.current = null;
          setData(null);
        }
        setError(toApiError(e));
        setLoading(false);
      });
    return () => abort.abort();
  }, [path, round]);

  const reload = useCallback(() => setRound((r) => ({ n: r.n + 1, quiet: false })), []);
  const refresh = useCallback(() => setRound((r) => ({ n: r.n + 1, quiet: true })), []);
  useLive(path === null ? null : live, refresh);
  return { data, error, loading, reload, refresh };
}
