/**
 * The manage token arrives in the URL fragment (never sent to a server, never in access logs).
 * It is moved to sessionStorage at once and wiped from the address bar, so it does not linger in
 * history, bookmarks or a screenshot of the address bar.
 */
const STORAGE_KEY = 'vaccinate.booking.manageToken';

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

export function takeManageToken(): string | null {
  const fragment = window.location.hash.replace(/^#/, '');
  if (fragment) {
    const token = decodeURIComponent(fragment);
    storage()?.setItem(STORAGE_KEY, token);
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}`);
    return token;
  }
  return storage()?.getItem(STORAGE_KEY) ?? null;
}

export function rememberManageToken(token: string): void {
  storage()?.setItem(STORAGE_KEY, token);
}

export function forgetManageToken(): void {
  storage()?.removeItem(STORAGE_KEY);
}

export const MANAGE_PATH = '/booking/manage';

/** The link a person keeps: the token only in its fragment. */
export function manageLink(token: string, origin = window.location.origin): string {
  return `${origin}${MANAGE_PATH}#${encodeURIComponent(token)}`;
}
