import type { AuthConfig, ChangePasswordRequest, LoginRequest, LoginResponse, StaffProfile } from '@vaccinate/api-contracts';
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
