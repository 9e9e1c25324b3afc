import { Controller, Get, Header, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuditEventPage, AuditEventSearch, AuditEventsQuery } from '@vaccinate/api-contracts';
import { ContractAnswer, ContractBody, ContractQuery, MediaAnswer } from '../../common/contract/contract.decorators';
import { toCsv } from '../../common/csv';
import { Sql } from '../../database/sql';
import { RequireRole } from '../auth/access.decorators';
import { AuditLogRepository, type AuditQuery } from './audit-log.repository';
import { AuditService, type AuditAction } from './audit.service';

const EXPORT_LIMIT = 100_000;

@ApiTags('audit')
@Controller('audit-events')
export class AuditController {
  constructor(
    private readonly log: AuditLogRepository,
    private readonly audit: AuditService,
    private readonly sql: Sql,
  ) {}

  @Get()
  @RequireRole('admin')
  @ContractAnswer(200, AuditEventPage, 'Audit events, newest first: who, when, which record, what, from where, with names (each person shown is audited)')
  list(@ContractQuery(AuditEventsQuery) query: AuditEventsQuery): Promise<AuditEventPage> {
    return this.page({ ...query, limit: query.limit ?? 100, offset: query.offset ?? 0 }, 'list');
  }

  @Post('search')
  @HttpCode(200)
  @RequireRole('admin')
  @ContractAnswer(200, AuditEventPage, 'Audit events filtered also by person and staff name (names travel in the body, never in a URL)')
  async search(@ContractBody(AuditEventSearch) search: AuditEventSearch): Promise<AuditEventPage> {
    return this.page(await this.query(search, search.limit ?? 100, search.offset ?? 0), 'list');
  }

  @Get('export.csv')
  @RequireRole('admin')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="audit-log.csv"')
  @MediaAnswer(200, 'text/csv', 'The matching audit events as CSV, newest first, with names (each person listed is audited as an export)')
  async export(@ContractQuery(AuditEventsQuery) query: AuditEventsQuery): Promise<string> {
    return this.csv({ ...query, limit: EXPORT_LIMIT, offset: 0 });
  }

  @Post('export.csv')
  @HttpCode(200)
  @RequireRole('admin')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="audit-log.csv"')
  @MediaAnswer(200, 'text/csv', 'The audit events matching the search (names included) as CSV, newest first')
  async exportSearch(@ContractBody(AuditEventSearch) search: AuditEventSearch): Promise<string> {
    return this.csv(await this.query(search, EXPORT_LIMIT, 0));
  }

  /** Names become the ids they match; a name matching nobody matches no event. */
  private async query(search: AuditEventSearch, limit: number, offset: number): Promise<AuditQuery> {
    const { person, staff, limit: _limit, offset: _offset, ...filters } = search;
    return {
      ...filters,
      ...(person ? { subjectIds: await this.log.peopleNamed(person) } : {}),
      ...(staff ? { actors: await this.log.staffNamed(staff) } : {}),
      limit,
      offset,
    };
  }

  /** Reading people's names in the log is a read of their records: audited like any list. */
  private async page(query: AuditQuery, action: AuditAction): Promise<AuditEventPage> {
    const page = await this.log.find(query);
    const people = page.items.filter((event) => event.subjectType === 'person' && event.subjectName !== null).map((event) => event.subjectId as string);
    await this.audit.record(this.sql, 'person', action, [...new Set(people)]);
    return page;
  }

  private async csv(query: AuditQuery): Promise<string> {
    const { items } = await this.page(query, 'export');
    return toCsv([
      ['occurred_at', 'actor', 'actor_name', 'actor_kind', 'action', 'subject_type', 'subject_id', 'subject_name', 'request_id', 'client_ip'],
      ...items.map((event) => [
        event.occurredAt,
        event.actorSubject,
        event.actorName,
        event.actorKind,
        event.action,
        event.subjectType,
        event.subjectId,
        event.subjectName,
        event.requestId,
        event.clientIp,
      ]),
    ]);
  }
}
