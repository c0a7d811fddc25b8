import { useCallback, useEffect, useState } from "react";
import { ApiError } from "../api/problem.js";

/** A loaded value, its failure in words, and a way to load it again. */
export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

/** Run `load` when its dependencies change; failures become ApiErrors (never swallowed). */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [round, setRound] = useState(0);
  // The caller names the dependencies of `load`, as with useEffect.
  const stable = useCallback(load, deps);
  useEffect(() => {
    let live = true;
    setLoading(true);
    stable()
      .then((value) => {
        if (!live) return;
        setData(value);
        setError(null);
      })
      .catch((failure: unknown) => {
        if (live)
          setError(failure instanceof ApiError ? failure : new ApiError(0, "error", String(failure), []));
      })
      .finally(() => {
        if (live) setLoading(false);
      });
    return () => {
      live = false;
    };
  }, [stable, round]);
  return {
    data,
    error,
    loading,
    reload: () => {
      setRound((n) => n + 1);
    },
  };
}
