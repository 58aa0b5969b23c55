// GET a path and keep its answer; a new path refetches, reload() refetches the
// same. While a refetch runs the old data stays (no layout jump).
import { useCallback, useEffect, useState } from "preact/hooks";
import { ApiError, isAbort, request, toApiError } from "../api";

export interface Fetched<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

export function useFetch<T>(path: string | null): Fetched<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(path !== null);
  const [round, setRound] = useState(0);

  useEffect(() => {
    if (path === null) {
      setLoading(false);
      return;
    }
    const abort = new AbortController();
    setLoading(true);
    request<T>(path, { signal: abort.signal })
      .then((d) => {
        setData(d);
        setError(null);
        setLoading(false);
      })
      .catch((e: unknown) => {
        if (isAbort(e)) return;
        setData(null);
        setError(toApiError(e));
        setLoading(false);
      });
    return () => abort.abort();
  }, [path, round]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data, error, loading, reload };
}
