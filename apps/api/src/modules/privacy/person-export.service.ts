import { Inject, Injectable } from '@nestjs/common';
import type { PersonExport } from '@vaccinate/api-contracts';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';
import { Sql } from '../../database/sql';
import { AuditService } from '../audit/audit.service';
import { renderPersonExportHtml } from './person-export.html';
import { PersonExportRepository } from './person-export.repository';
import { PrivacyException, PrivacyExceptionCode } from './privacy.exception';

/** Access and portability (GDPR art. 15, 20): everything about a person, as JSON or as a page; audited as an export. */
@Injectable()
export class PersonExportService {
  constructor(
    private readonly exports: PersonExportRepository,
    private readonly audit: AuditService,
    private readonly sql: Sql,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async export(personId: string): Promise<PersonExport> {
    const data = await this.exports.export(personId);
    if (!data) throw new PrivacyException(PrivacyExceptionCode.PersonNotFound);
    await this.audit.record(this.sql, 'person', 'export', [personId]);
    return data;
  }

  async exportHtml(personId: string): Promise<string> {
    const data = await this.export(personId);
    const locale = data.profile.locale === 'en' || data.profile.locale === 'de' ? data.profile.locale : this.config.branding.defaultLocale;
    return renderPersonExportHtml(data, locale);
  }
}
