import type { LoginResponse } from '@vaccinate/api-contracts';

/**
 * The access token lives in sessionStorage: per origin (so per tenant), gone when the tab closes,
 * and never in a cookie the API would have to defend against CSRF.
 */
const SESSION_KEY = 'vaccinate.staff.session';

interface StoredSession {
  accessToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

export function saveSession(login: Pick<LoginResponse, 'accessToken' | 'expiresIn'>, now = Date.now()): void {
  const session: StoredSession = { accessToken: login.accessToken, expiresAt: now + login.expiresIn * 1000 };
  storage()?.setItem(SESSION_KEY, JSON.stringify(session));
}

/** The token if one is stored and not yet expired; an expired one is dropped. */
export function readAccessToken(now = Date.now()): string | null {
  const raw = storage()?.getItem(SESSION_KEY);
  if (!raw) return null;
  try {
    const session = JSON.parse(raw) as Partial<StoredSession>;
    if (typeof session.accessToken === 'string' && typeof session.expiresAt === 'number' && session.expiresAt > now) {
      return session.accessToken;
    }
  } catch {
    // A damaged entry is treated like none.
  }
  clearSession();
  return null;
}

export function clearSession(): void {
  storage()?.removeItem(SESSION_KEY);
}
