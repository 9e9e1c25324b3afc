import { Injectable } from '@nestjs/common';
import type { LoginResponse, StaffProfile, StaffRole } from '@vaccinate/api-contracts';
import { randomBytes } from 'node:crypto';
import { requestContext, type Principal } from '../../common/request-context';
import { AuthException, AuthExceptionCode } from './auth.exception';
import { PASSWORD_MIN_LENGTH } from '@vaccinate/api-contracts';
import { hashPassword, UNKNOWN_ACCOUNT_HASH, verifyPassword } from './password-hasher';
import { SignInThrottle } from './sign-in-throttle';
import { StaffAccountRepository, type StaffAccount } from './staff-account.repository';
import { TokenService } from './token.service';

/** Local staff accounts: sign-in, password change, first admin, accounts created by an admin. */
@Injectable()
export class AuthService {
  constructor(
    private readonly accounts: StaffAccountRepository,
    private readonly tokens: TokenService,
    private readonly throttle: SignInThrottle,
  ) {}

  async login(email: string, password: string): Promise<LoginResponse> {
    const accountKey = email.trim().toLowerCase();
    const clientKey = requestContext.current()?.clientIp ?? 'unknown';
    await this.throttle.admit(accountKey, clientKey);
    const account = await this.accounts.findByEmail(email);
    const valid = await verifyPassword(account?.passwordHash ?? (await UNKNOWN_ACCOUNT_HASH), password);
    if (!account || !valid) {
      await this.throttle.recordFailure(accountKey);
      throw new AuthException(AuthExceptionCode.InvalidCredentials);
    }
    await this.throttle.clearFailures(accountKey);
    await this.accounts.markSignedIn(account.id);
    return this.session(account);
  }

  async changePassword(principal: Principal, currentPassword: string, newPassword: string): Promise<LoginResponse> {
    const account = principal.kind === 'staff' ? await this.accounts.findById(principal.subject) : null;
    if (!account) throw new AuthException(AuthExceptionCode.Forbidden);
    if (!(await verifyPassword(account.passwordHash, currentPassword))) {
      throw new AuthException(AuthExceptionCode.InvalidCredentials, 'currentPassword');
    }
    if (newPassword.length < PASSWORD_MIN_LENGTH || newPassword === currentPassword) {
      throw new AuthException(AuthExceptionCode.WeakPassword, 'newPassword');
    }
    await this.accounts.setPassword(account.id, await hashPassword(newPassword));
    return this.session({ ...account, mustChangePassword: false });
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

  async listStaff(): Promise<StaffProfile[]> {
    return (await this.accounts.list()).map(toProfile);
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

  private async session(account: StaffAccount): Promise<LoginResponse> {
    const { token, expiresIn } = await this.tokens.issue(account.id, account.roles, account.mustChangePassword);
    return { accessToken: token, tokenType: 'Bearer', expiresIn, staff: toProfile(account) };
  }
}

function toProfile(account: Omit<StaffAccount, 'passwordHash'>): StaffProfile {
  return {
    id: account.id,
    email: account.email,
    displayName: account.displayName,
    roles: account.roles,
    mustChangePassword: account.mustChangePassword,
  };
}
