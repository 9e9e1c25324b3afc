import { useCallback, useEffect, useRef, useState } from 'react';

export type RefreshingResource<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'loaded'; data: T; refreshing: boolean }
  | { status: 'failed'; error: unknown };

/** Focus refetches wait at least this long after the last load: fresh enough, never hammering. */
const MIN_FOCUS_REFRESH_MS = 15_000;

/**
 * Loads `load` whenever `key` changes (null: nothing to load) and again when the page regains
 * focus, as availability changes while a person hesitates. Data already shown stays on screen
 * while a refresh runs. No timer polls: thousands of open tabs must not become a load test.
 */
export function useRefreshingResource<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>) {
  const [resource, setResource] = useState<RefreshingResource<T>>({ status: key ? 'loading' : 'idle' });
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const lastLoadedAt = useRef(0);
  const shownKey = useRef<string | null>(null);

  useEffect(() => {
    if (key === null) {
      setResource({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    // A refresh of the same query keeps its data on screen; another query starts empty.
    const sameQuery = shownKey.current === key;
    setResource((current) => (current.status === 'loaded' && sameQuery ? { ...current, refreshing: true } : { status: 'loading' }));
    shownKey.current = key;
    lastLoadedAt.current = Date.now();
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setResource({ status: 'loaded', data, refreshing: false });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setResource({ status: 'failed', error });
      },
    );
    return () => controller.abort();
  }, [key, attempt]);

  const refresh = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    if (key === null) return;
    const onFocus = () => {
      if (document.visibilityState === 'hidden') return;
      if (Date.now() - lastLoadedAt.current >= MIN_FOCUS_REFRESH_MS) refresh();
    };
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onFocus);
    return () => {
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onFocus);
    };
  }, [key, refresh]);

  return { resource, refresh };
}
