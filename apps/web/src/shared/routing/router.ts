import { useLocation } from 'react-router';

/** Personal data never goes into the URL: pages pass it in history state, read here. */
export function useHistoryState(): Record<string, unknown> | null {
  const state: unknown = useLocation().state;
  return typeof state === 'object' && state !== null ? (state as Record<string, unknown>) : null;
}

export function usePathname(): string {
  return useLocation().pathname;
}

export { Link, Navigate, useNavigate } from 'react-router';
