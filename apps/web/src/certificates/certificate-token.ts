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

export function takeCertificateToken(): string | null {
  const fragment = window.location.hash.replace(/^#/, '');
  if (fragment) {
    const token = decodeURIComponent(fragment);
    storage()?.setItem(STORAGE_KEY, token);
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}`);
    return token;
  }
  return storage()?.getItem(STORAGE_KEY) ?? null;
}
