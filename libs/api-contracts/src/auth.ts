import type { StaffRole } from './roles';

export interface LoginRequest {
  email: string;
  password: string;
}

export interface StaffProfile {
  id: string;
  email: string;
  displayName: string;
  roles: StaffRole[];
  mustChangePassword: boolean;
}

export interface LoginResponse {
  accessToken: string;
  tokenType: 'Bearer';
  /** Seconds until the access token expires. */
  expiresIn: number;
  staff: StaffProfile;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** What `GET /api/auth/config` tells a sign-in page about the tenant's identity providers. */
export interface AuthConfig {
  localSignIn: boolean;
  oidc?: { issuer: string; clientId: string };
}
