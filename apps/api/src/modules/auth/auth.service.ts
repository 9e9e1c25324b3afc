import { Injectable } from '@nestjs/common';
import type { LoginResponse, StaffProfile, StaffRole, StaffSession } from '@vaccinate/api-contracts';
import { randomBytes } from 'node:crypto';
import { requestContext, type Principal } from '../../common/request-context';
import { AppException } from '../../common/problem/app-exception';
import { AuthException, AuthExceptionCode } from './auth.exception';
import { PASSWORD_MIN_LENGTH } from '@vaccinate/api-contracts';
import { hashPassword, UNKNOWN_ACCOUNT_HASH, verifyPassword } from './password-hasher';
import { SignInThrottle } from './sign-in-throttle';
import { StaffAccountRepository, type StaffAccount } from './staff-account.repository';
import { StaffSessionRepository } from './staff-session.repository';
import { TokenService } from './token.service';

/** Local staff accounts: sign-in, password change, first admin, accounts created by an admin. */
@Injectable()
export class AuthService {
  constructor(
    private readonly accounts: StaffAccountRepository,
    private readonly tokens: TokenService,
    private readonly throttle: SignInThrottle,
    private readonly sessions: StaffSessionRepository,
  ) {}

  async login(email: string, password: string): Promise<LoginResponse> {
    const accountKey = email.trim().toLowerCase();
    const clientKey = requestContext.current()?.clientIp ?? 'unknown';
    await this.throttle.admit(accountKey, clientKey);
    const account = await this.accounts.findByEmail(email);
    const valid = await verifyPassword(account?.passwordHash ?? (await UNKNOWN_ACCOUNT_HASH), password);
    // An invited account (no password yet) and a deactivated one get the same answer as a wrong password.
    if (!account?.passwordHash || account.deactivatedAt || !valid) {
      await this.throttle.recordFailure(accountKey);
      throw new AuthException(AuthExceptionCode.InvalidCredentials);
    }
    await this.throttle.clearFailures(accountKey);
    await this.accounts.markSignedIn(account.id);
    const session = await this.sessions.start(account.id, this.tokens.ttlSeconds);
    return this.answer(account, session.id);
  }

  async changePassword(principal: Principal, currentPassword: string, newPassword: string): Promise<LoginResponse> {
    const account = principal.kind === 'staff' ? await this.accounts.findById(principal.subject) : null;
    if (!account?.passwordHash || !principal.sessionId) throw new AuthException(AuthExceptionCode.Forbidden);
    if (!(await verifyPassword(account.passwordHash, currentPassword))) {
      throw new AuthException(AuthExceptionCode.InvalidCredentials, 'currentPassword');
    }
    if (newPassword.length < PASSWORD_MIN_LENGTH || newPassword === currentPassword) {
      throw new AuthException(AuthExceptionCode.WeakPassword, 'newPassword');
    }
    await this.accounts.setPassword(account.id, await hashPassword(newPassword));
    await this.sessions.extend(principal.sessionId, this.tokens.ttlSeconds);
    return this.answer({ ...account, mustChangePassword: false }, principal.sessionId);
  }

  /** The caller's own open sessions, the current one marked. */
  async ownSessions(principal: Principal): Promise<StaffSession[]> {
    if (principal.kind !== 'staff') return [];
    return (await this.sessions.listOpen(principal.subject)).map((session) => ({
      id: session.id,
      startedAt: session.startedAt.toISOString(),
      expiresAt: session.expiresAt.toISOString(),
      current: session.id === principal.sessionId,
    }));
  }

  /** Ends one of the caller's own sessions; another account's session is as unknown as a made-up id. */
  async endOwnSession(principal: Principal, sessionId: string): Promise<void> {
    if (principal.kind !== 'staff' || !(await this.sessions.end(principal.subject, sessionId))) {
      throw new AppException('auth.session_not_found', 404, 'Session not found', 'You have no open session with this id.', [
        { field: 'id', message: 'is not one of your open sessions' },
      ]);
    }
  }

  async profile(principal: Principal): Promise<StaffProfile> {
    if (principal.kind === 'oidc') {
      return {
        id: principal.subject,
        email: principal.email ?? '',
        displayName: principal.displayName ?? principal.email ?? principal.subject,
        roles: principal.roles,
        mustChangePassword: false,
      };
    }
    const account = await this.accounts.findById(principal.subject);
    if (!account) throw new AuthException(AuthExceptionCode.InvalidToken);
    return toProfile(account);
  }

  /** Creates an account with a one-time password; null when the e-mail already has one. */
  async createStaff(email: string, displayName: string, roles: StaffRole[]) {
    const oneTimePassword = randomBytes(12).toString('base64url');
    const account = await this.accounts.insert({
      email,
      displayName,
      roles,
      passwordHash: await hashPassword(oneTimePassword),
      mustChangePassword: true,
    });
    return account ? { staff: toProfile(account), oneTimePassword } : null;
  }

  /** A local demo account with a known password and no forced change; does nothing when the e-mail has an account. */
  async ensureDemoStaff(email: string, displayName: string, roles: StaffRole[], password: string): Promise<'created' | 'exists'> {
    const account = await this.accounts.insert({ email, displayName, roles, passwordHash: await hashPassword(password), mustChangePassword: false });
    return account ? 'created' : 'exists';
  }

  /** The tenant's first admin, created at provisioning; does nothing once an admin exists. */
  async bootstrapAdmin(email: string, oneTimePassword: string): Promise<'created' | 'exists'> {
    if ((await this.accounts.countWithRole('admin')) > 0) return 'exists';
    const account = await this.accounts.insert({
      email,
      displayName: 'Administrator',
      roles: ['admin'],
      passwordHash: await hashPassword(oneTimePassword),
      mustChangePassword: true,
    });
    return account ? 'created' : 'exists';
  }

  private async answer(account: StaffAccount, sessionId: string): Promise<LoginResponse> {
    const { token, expiresIn } = await this.tokens.issue(account.id, account.roles, account.mustChangePassword, sessionId);
    return { accessToken: token, tokenType: 'Bearer', expiresIn, staff: toProfile(account) };
  }
}

function toProfile(account: Pick<StaffAccount, 'id' | 'email' | 'displayName' | 'roles' | 'mustChangePassword'>): StaffProfile {
  return {
    id: account.id,
    email: account.email,
    displayName: account.displayName,
    roles: account.roles,
    mustChangePassword: account.mustChangePassword,
  };
}
