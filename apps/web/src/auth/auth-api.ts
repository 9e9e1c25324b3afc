import type {
  AuthConfig,
  ChangePasswordRequest,
  LoginRequest,
  LoginResponse,
  PasswordResetAccepted,
  PasswordResetRequest,
  SetPasswordRequest,
  StaffProfile,
  StaffSession,
} from '@vaccinate/api-contracts';
import type { ApiClient } from '../shared/api/api-client';

export function login(api: ApiClient, request: LoginRequest): Promise<LoginResponse> {
  return api.post<LoginResponse>('/auth/login', request);
}

/** Answers with a fresh LoginResponse: the old token carried `mustChangePassword`. */
export function changePassword(api: ApiClient, request: ChangePasswordRequest): Promise<LoginResponse> {
  return api.post<LoginResponse>('/auth/password', request);
}

export function fetchProfile(api: ApiClient, signal?: AbortSignal): Promise<StaffProfile> {
  return api.get<StaffProfile>('/auth/me', signal ? { signal } : {});
}

export function fetchAuthConfig(api: ApiClient, signal?: AbortSignal): Promise<AuthConfig> {
  return api.get<AuthConfig>('/auth/config', signal ? { signal } : {});
}

/** The same answer whether or not the address has an account. */
export function requestPasswordReset(api: ApiClient, request: PasswordResetRequest): Promise<PasswordResetAccepted> {
  return api.post<PasswordResetAccepted>('/auth/password-reset', request);
}

/** Uses an invitation or reset link's token, once. */
export function setPasswordByLink(api: ApiClient, request: SetPasswordRequest): Promise<undefined> {
  return api.post<undefined>('/auth/password-link', request);
}

export function listOwnSessions(api: ApiClient, signal?: AbortSignal): Promise<StaffSession[]> {
  return api.get<StaffSession[]>('/auth/sessions', signal ? { signal } : {});
}

export function endOwnSession(api: ApiClient, id: string): Promise<undefined> {
  return api.request<undefined>('DELETE', `/auth/sessions/${encodeURIComponent(id)}`);
}

/** Ends the session of the token in use, so it stops working before it expires. */
export function logout(api: ApiClient): Promise<undefined> {
  return api.post<undefined>('/auth/logout', undefined);
}
