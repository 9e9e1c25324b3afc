import { Controller, Get, Header } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuditEventPage, AuditEventsQuery } from '@vaccinate/api-contracts';
import { ContractAnswer, ContractQuery, MediaAnswer } from '../../common/contract/contract.decorators';
import { RequireRole } from '../auth/access.decorators';
import { toCsv } from '../../common/csv';
import { AuditLogRepository } from './audit-log.repository';

const EXPORT_LIMIT = 100_000;

@ApiTags('audit')
@Controller('audit-events')
export class AuditController {
  constructor(private readonly log: AuditLogRepository) {}

  @Get()
  @RequireRole('admin')
  @ContractAnswer(200, AuditEventPage, 'Audit events, newest first: who, when, which record, what, from where (identifiers only)')
  list(@ContractQuery(AuditEventsQuery) query: AuditEventsQuery): Promise<AuditEventPage> {
    return this.log.find({ ...query, limit: query.limit ?? 100, offset: query.offset ?? 0 });
  }

  @Get('export.csv')
  @RequireRole('admin')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="audit-log.csv"')
  @MediaAnswer(200, 'text/csv', 'The matching audit events as CSV, newest first')
  async export(@ContractQuery(AuditEventsQuery) query: AuditEventsQuery): Promise<string> {
    const { items } = await this.log.find({ ...query, limit: EXPORT_LIMIT, offset: 0 });
    return toCsv([
      ['occurred_at', 'actor', 'actor_kind', 'action', 'subject_type', 'subject_id', 'request_id', 'client_ip'],
      ...items.map((event) => [event.occurredAt, event.actorSubject, event.actorKind, event.action, event.subjectType, event.subjectId, event.requestId, event.clientIp]),
    ]);
  }
}
