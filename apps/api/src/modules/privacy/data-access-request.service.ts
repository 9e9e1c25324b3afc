import { Inject, Injectable } from '@nestjs/common';
import type { DataAccessRequest, DataAccessRequestAccepted, PersonExport } from '@vaccinate/api-contracts';
import { DATA_ACCESS_MAIL_TEMPLATE } from '@vaccinate/mail-contracts';
import { AppException } from '../../common/problem/app-exception';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';
import { Sql } from '../../database/sql';
import { AuditService } from '../audit/audit.service';
import { CaptchaService } from '../captcha/captcha.service';
import { OutboxRepository } from '../outbox/outbox.repository';
import { DataAccessLinkRepository } from './data-access-link.repository';
import { PersonExportRepository } from './person-export.repository';
import { PrivacyException, PrivacyExceptionCode } from './privacy.exception';

/** How long a mailed link to one's data opens (once). */
const LINK_HOURS = 24;

/**
 * A person's own access request: e-mail and birth date in, a single-use link out by mail. The answer
 * is the same whether anyone matched, so it tells nobody who is known here.
 */
@Injectable()
export class DataAccessRequestService {
  constructor(
    private readonly links: DataAccessLinkRepository,
    private readonly exports: PersonExportRepository,
    private readonly outbox: OutboxRepository,
    private readonly captcha: CaptchaService,
    private readonly audit: AuditService,
    private readonly sql: Sql,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async request(dto: DataAccessRequest, clientIp: string): Promise<DataAccessRequestAccepted> {
    if (!(await this.captcha.verify(dto.captcha, clientIp))) {
      throw new AppException('captcha.invalid', 400, 'Please try again', 'The automatic check did not pass. Reload the page and try again.', [
        { field: 'captcha', message: 'did not pass' },
      ]);
    }
    const person = await this.links.personMatching(dto.email, dto.birthDate);
    if (person) {
      const locale = dto.locale ?? person.locale ?? this.config.branding.defaultLocale;
      const expiresAt = new Date(Date.now() + LINK_HOURS * 3_600_000);
      await this.sql.transaction(async (client) => {
        const token = await this.links.create(client, person.id, expiresAt);
        await this.outbox.enqueue(client, {
          template: DATA_ACCESS_MAIL_TEMPLATE,
          locale,
          to: { email: dto.email, name: `${person.givenName} ${person.familyName}` },
          data: { accessUrl: `${this.config.publicUrl}/my-data#token=${token}`, validUntil: expiresAt.toISOString() },
        });
      });
    }
    return { accepted: true };
  }

  /** The export the link opens, once; audited as an export by the person themself. */
  async exchange(token: string): Promise<PersonExport> {
    const personId = await this.sql.transaction((client) => this.links.spend(client, token));
    const data = personId ? await this.exports.export(personId) : null;
    if (!personId || !data) throw new PrivacyException(PrivacyExceptionCode.LinkInvalid);
    await this.audit.record(this.sql, 'person', 'export', [personId]);
    return data;
  }
}
