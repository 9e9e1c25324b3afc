import { Inject, Injectable } from '@nestjs/common';
import { PASSWORD_MIN_LENGTH } from '@vaccinate/api-contracts';
import type { Logger } from 'pino';
import { APP_LOGGER } from '../../app-logger.token';
import { AppException } from '../../common/problem/app-exception';
import { SharedCounterRepository } from '../../database/shared-counter.repository';
import { Sql } from '../../database/sql';
import { AuditService } from '../audit/audit.service';
import { AuthException, AuthExceptionCode } from '../auth/auth.exception';
import { OidcVerifier } from '../auth/oidc-verifier';
import { hashPassword } from '../auth/password-hasher';
import { StaffAccountRepository } from '../auth/staff-account.repository';
import { StaffAccountsService } from './staff-accounts.service';
import { StaffLinkTokenRepository } from './staff-link-token.repository';
import { StaffSessionRepository } from '../auth/staff-session.repository';

/** At most this many reset mails per account and hour, whoever asks: a mailbox is not flooded through us. */
const RESETS_PER_ACCOUNT_AND_HOUR = 3;
const HOUR_MS = 3_600_000;

/** Forgotten passwords, and the single-use links of invitations and resets. */
@Injectable()
export class PasswordLinkService {
  constructor(
    private readonly sql: Sql,
    private readonly accounts: StaffAccountRepository,
    private readonly links: StaffLinkTokenRepository,
    private readonly sessions: StaffSessionRepository,
    private readonly staff: StaffAccountsService,
    private readonly counters: SharedCounterRepository,
    private readonly audit: AuditService,
    private readonly oidc: OidcVerifier,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * Mails a reset link when the address has an active account with a password. The caller's answer
   * is the same either way and does not wait for the lookup, so neither its content nor its timing
   * tells whether the account exists.
   */
  requestReset(email: string): void {
    if (this.oidc.enabled) {
      throw new AppException(
        'auth.password_managed_elsewhere',
        409,
        'Password managed by your organisation',
        "Staff sign in through your organisation's sign-in here; reset your password there.",
      );
    }
    void this.sendReset(email).catch((error: unknown) => {
      this.logger.warn({ code: (error as { code?: string }).code ?? 'unknown' }, 'password reset mail not queued');
    });
  }

  private async sendReset(email: string): Promise<void> {
    const account = await this.accounts.findByEmail(email);
    if (!account?.passwordHash || account.deactivatedAt) return;
    const window = Math.floor(Date.now() / HOUR_MS);
    const position = await this.counters.hit(`password-reset:${window}:${account.id}`, new Date((window + 1) * HOUR_MS));
    if (position > RESETS_PER_ACCOUNT_AND_HOUR) return;
    await this.sql.transaction(async (client) => {
      await this.staff.sendLink(client, account, 'reset');
      await this.audit.record(client, 'staff_account', 'request_reset', [account.id]);
    });
  }

  /** Sets the password through a link, once: every session of the account ends (a reset may follow a stolen password). */
  async setPassword(token: string, newPassword: string): Promise<void> {
    if (newPassword.length < PASSWORD_MIN_LENGTH) throw new AuthException(AuthExceptionCode.WeakPassword, 'newPassword');
    const passwordHash = await hashPassword(newPassword);
    const done = await this.sql.transaction(async (client) => {
      const link = await this.links.consume(client, token);
      if (!link) return false;
      const account = await this.accounts.findById(link.accountId, client);
      if (!account || account.deactivatedAt) return false;
      await this.accounts.setPassword(account.id, passwordHash, client);
      await this.sessions.endAll(client, account.id);
      await this.audit.record(client, 'staff_account', 'set_password', [account.id]);
      return true;
    });
    if (!done) {
      throw new AppException('auth.link_invalid', 410, 'Link no longer valid', 'This link was used already or has expired. Ask for a new one.', [
        { field: 'token', message: 'is used up or expired' },
      ]);
    }
  }
}
