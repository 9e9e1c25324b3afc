import { useSyncExternalStore } from 'react';

/**
 * A few pages need only pathname routing; a tiny History API store keeps the bundle small.
 * Personal data never goes into the URL: pages pass it in component state or history state.
 */
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) window.addEventListener('popstate', notify);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('popstate', notify);
  };
}

export interface NavigateOptions {
  replace?: boolean;
  /** Kept in history.state, never in the address bar. */
  state?: Record<string, unknown>;
}

export function navigate(to: string, options: NavigateOptions = {}): void {
  const state = options.state ?? null;
  if (options.replace) window.history.replaceState(state, '', to);
  else window.history.pushState(state, '', to);
  notify();
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

/** The state object the current history entry was created with, if any. */
export function useHistoryState(): Record<string, unknown> | null {
  return useSyncExternalStore(subscribe, () => {
    const state: unknown = window.history.state;
    return typeof state === 'object' && state !== null ? (state as Record<string, unknown>) : null;
  });
}
