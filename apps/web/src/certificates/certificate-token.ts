/**
 * The certificate token arrives in the URL fragment (never sent to a server, never in access
 * logs). It is moved to sessionStorage and wiped from the address bar at once, so it does not
 * linger in history or bookmarks.
 */
const STORAGE_KEY = 'vaccinate.certificate.token';

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** A mail's short link carries `#ref=<reference>`, which the API exchanges for the token; older links carry the token itself. */
export type CertificateFragment = { token: string } | { reference: string };

const REFERENCE = /^ref=([A-Za-z0-9_-]{22})$/;

export function takeCertificateToken(): CertificateFragment | null {
  const fragment = window.location.hash.replace(/^#/, '');
  if (fragment) {
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}`);
    const reference = REFERENCE.exec(fragment)?.[1];
    if (reference) return { reference };
    const token = decodeURIComponent(fragment);
    rememberCertificateToken(token);
    return { token };
  }
  const stored = storage()?.getItem(STORAGE_KEY);
  return stored ? { token: stored } : null;
}

/** Kept for this tab only, so a reload does not need the link again. */
export function rememberCertificateToken(token: string): void {
  storage()?.setItem(STORAGE_KEY, token);
}
