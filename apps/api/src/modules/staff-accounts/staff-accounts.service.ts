import { Inject, Injectable } from '@nestjs/common';
import type { StaffMember, StaffRole } from '@vaccinate/api-contracts';
import type { StaffMailTemplate } from '@vaccinate/mail-contracts';
import type { PoolClient } from 'pg';
import { AppException } from '../../common/problem/app-exception';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';
import { Sql } from '../../database/sql';
import { AuditService } from '../audit/audit.service';
import { OutboxRepository } from '../outbox/outbox.repository';
import { OidcVerifier } from '../auth/oidc-verifier';
import { StaffAccountRepository, type StaffAccount } from '../auth/staff-account.repository';
import { newLinkToken, StaffLinkTokenRepository } from './staff-link-token.repository';
import type { StaffLinkPurpose } from './staff-link-token.entity';

/** An invitation link stays usable for a week; a reset link for half an hour. */
export const LINK_TTL_SECONDS: Record<StaffLinkPurpose, number> = { invitation: 7 * 24 * 3600, reset: 30 * 60 };
const MAIL_TEMPLATE: Record<StaffLinkPurpose, StaffMailTemplate> = { invitation: 'staff-invitation', reset: 'password-reset' };

function notFound(): AppException {
  return new AppException('staff.not_found', 404, 'Staff account not found', 'No active staff account has this id.', [
    { field: 'id', message: 'is not an active staff account' },
  ]);
}

/** Staff accounts as admins manage them: invitations, roles, deactivation. */
@Injectable()
export class StaffAccountsService {
  constructor(
    private readonly sql: Sql,
    private readonly accounts: StaffAccountRepository,
    private readonly links: StaffLinkTokenRepository,
    private readonly outbox: OutboxRepository,
    private readonly audit: AuditService,
    private readonly oidc: OidcVerifier,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async list(): Promise<StaffMember[]> {
    return (await this.accounts.list()).map((account) => this.toMember(account));
  }

  /**
   * Creates the account without a password and mails it a single-use link to choose one. With an
   * identity provider the account only maps the provider's sign-in: no password, no link.
   */
  async invite(email: string, displayName: string, roles: StaffRole[], locale: 'de' | 'en' | undefined): Promise<StaffMember> {
    const invited = await this.sql.transaction(async (client) => {
      const account = await this.accounts.insert({ email, displayName, roles, passwordHash: null, mustChangePassword: false, locale: locale ?? null }, client);
      if (!account) return null;
      if (!this.oidc.enabled) await this.sendLink(client, account, 'invitation');
      await this.audit.record(client, 'staff_account', 'invite', [account.id]);
      return account;
    });
    if (!invited) {
      const detail = 'An account with this e-mail address exists.';
      throw new AppException('staff.email_taken', 409, 'E-mail already has an account', detail, [{ field: 'email', message: detail }]);
    }
    return this.member(invited.id);
  }

  /** A new invitation link; the earlier one stops working. Only while the account has no password yet. */
  async resendInvitation(id: string): Promise<StaffMember> {
    await this.sql.transaction(async (client) => {
      const account = await this.accounts.findById(id, client);
      if (!account || account.deactivatedAt) throw notFound();
      if (account.passwordHash !== null || this.oidc.enabled) {
        throw new AppException('staff.not_invited', 409, 'Invitation already accepted', 'This account has set its password; it can use "Forgot password" instead.', [
          { field: 'id', message: 'has no open invitation' },
        ]);
      }
      await this.sendLink(client, account, 'invitation');
      await this.audit.record(client, 'staff_account', 'invite', [account.id]);
    });
    return this.member(id);
  }

  async changeRoles(id: string, roles: StaffRole[]): Promise<StaffMember> {
    await this.sql.transaction(async (client) => {
      const outcome = await this.accounts.setRoles(client, id, roles);
      if (outcome === 'not_found') throw notFound();
      if (outcome === 'last_admin') throw lastAdmin('roles');
      await this.audit.record(client, 'staff_account', 'change_roles', [id]);
    });
    return this.member(id);
  }

  /** Deactivates the account: its sessions end at once, its open links stop working. */
  async deactivate(id: string): Promise<StaffMember> {
    await this.sql.transaction(async (client) => {
      const outcome = await this.accounts.deactivate(client, id);
      if (outcome === 'not_found') throw notFound();
      if (outcome === 'last_admin') throw lastAdmin('id');
      await this.audit.record(client, 'staff_account', 'deactivate', [id]);
    });
    return this.member(id);
  }

  /** Writes a fresh link and its mail in the caller's transaction. */
  async sendLink(client: PoolClient, account: StaffAccount, purpose: StaffLinkPurpose): Promise<void> {
    const token = newLinkToken();
    const expiresAt = await this.links.issue(client, account.id, purpose, token, LINK_TTL_SECONDS[purpose]);
    await this.outbox.enqueue(client, {
      template: MAIL_TEMPLATE[purpose],
      locale: account.locale ?? this.config.branding.defaultLocale,
      to: { email: account.email, name: account.displayName },
      // In the fragment: the token never reaches a server log, a proxy or a Referer header.
      data: { linkUrl: `${this.config.publicUrl}/staff/set-password#${token}`, expiresAt: expiresAt.toISOString() },
    });
  }

  private async member(id: string): Promise<StaffMember> {
    const account = await this.accounts.findById(id);
    if (!account) throw notFound();
    return this.toMember(account);
  }

  private toMember(account: StaffAccount): StaffMember {
    const status = account.deactivatedAt ? 'deactivated' : account.passwordHash === null && !this.oidc.enabled ? 'invited' : 'active';
    return {
      id: account.id,
      email: account.email,
      displayName: account.displayName,
      roles: account.roles,
      status,
      locale: account.locale ?? this.config.branding.defaultLocale,
      lastSignInAt: account.lastSignInAt?.toISOString() ?? null,
      invitationExpiresAt: status === 'invited' ? (account.invitationExpiresAt?.toISOString() ?? null) : null,
    };
  }
}

function lastAdmin(field: string): AppException {
  const detail = 'At least one active account must keep the admin role.';
  return new AppException('staff.last_admin', 409, 'The last admin stays', detail, [{ field, message: detail }]);
}
