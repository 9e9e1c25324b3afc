import type { LoginResponse, StaffProfile } from '@vaccinate/api-contracts';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiProblemError } from '../shared/api/api-error';
import { useApiClient } from '../shared/api/api-context';
import { fetchProfile, logout } from './auth-api';
import { clearSession, readAccessToken, saveSession } from './session-store';

export type AuthState =
  | { status: 'restoring' }
  /** `expired` when the API refused a token we held, so the sign-in page can say why. */
  | { status: 'signed-out'; expired: boolean }
  | { status: 'signed-in'; staff: StaffProfile }
  /** A stored token could not be checked because the API was unreachable. */
  | { status: 'unverified'; retry: () => void };

interface AuthContextValue {
  state: AuthState;
  signedIn: (login: LoginResponse) => void;
  signOut: () => void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const api = useApiClient();
  const [state, setState] = useState<AuthState>(() => (readAccessToken() ? { status: 'restoring' } : { status: 'signed-out', expired: false }));
  const [restoreAttempt, setRestoreAttempt] = useState(0);

  useEffect(
    () =>
      api.onUnauthorized(() => {
        clearSession();
        setState({ status: 'signed-out', expired: true });
      }),
    [api],
  );

  // A reload keeps the token (sessionStorage); the profile is fetched again to trust nothing stale.
  useEffect(() => {
    if (!readAccessToken()) return;
    const controller = new AbortController();
    fetchProfile(api, controller.signal).then(
      (staff) => setState({ status: 'signed-in', staff }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        // A 401 has already signed out through onUnauthorized.
        if (error instanceof ApiProblemError && error.status === 401) return;
        setState({
          status: 'unverified',
          retry: () => {
            setState({ status: 'restoring' });
            setRestoreAttempt((n) => n + 1);
          },
        });
      },
    );
    return () => controller.abort();
  }, [api, restoreAttempt]);

  const signedIn = useCallback((login: LoginResponse) => {
    saveSession(login);
    setState({ status: 'signed-in', staff: login.staff });
  }, []);

  const signOut = useCallback(() => {
    // The token is read as the request starts, before it is cleared; the session ends on the server too.
    if (readAccessToken()) void logout(api).catch(() => undefined);
    clearSession();
    setState({ status: 'signed-out', expired: false });
  }, [api]);

  const value = useMemo(() => ({ state, signedIn, signOut }), [state, signedIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside AuthProvider');
  return value;
}
