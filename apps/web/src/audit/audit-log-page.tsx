import type { AuditEvent } from '@vaccinate/api-contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../shared/date-format.util';
import { Link } from '../shared/routing/router';
import { paths } from '../shared/routing/routes';
import { DownloadButton } from '../staff/download-button';
import { QueryState } from '../shared/query-state';
import { useStaffQuery } from '../shared/use-staff-query';
import { usePageTitle } from '../tenant/tenant-context';
import { AUDIT_PAGE_SIZE, exportAuditEvents, listAuditEvents, type AuditFilters } from './audit-api';
import { AuditFilterForm } from './audit-filter-form';
import { auditFiltersFromForm } from './audit-filter-values';

/** Who read or changed which record: filters, pages of 50, and the same filters as a CSV export. */
export function AuditLogPage() {
  const { t } = useTranslation();
  usePageTitle(t('auditLog.title'));
  const [filters, setFilters] = useState<AuditFilters>({});
  const [offset, setOffset] = useState(0);
  const query = useStaffQuery(`audit:${JSON.stringify(filters)}:${offset}`, (api, signal) => listAuditEvents(api, filters, offset, signal));

  return (
    <section className="page" aria-labelledby="audit-title">
      <div className="page__header">
        <h1 id="audit-title">{t('auditLog.title')}</h1>
        <DownloadButton label={t('auditLog.exportCsv')} fileName="audit-log.csv" load={(api) => exportAuditEvents(api, filters)} />
      </div>
      <p>{t('auditLog.intro')}</p>
      <AuditFilterForm
        onApply={(values) => {
          setFilters(auditFiltersFromForm(values));
          setOffset(0);
        }}
      />
      <QueryState resource={query.resource} retry={query.refresh}>
        {(page) =>
          page.items.length === 0 ? (
            <p role="status">{t('auditLog.empty')}</p>
          ) : (
            <>
              <AuditTable events={page.items} />
              <Pager offset={offset} count={page.items.length} total={page.total} onOffset={setOffset} />
            </>
          )
        }
      </QueryState>
    </section>
  );
}

function AuditTable({ events }: { events: AuditEvent[] }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="table-wrap audit-table">
      <table className="table table--stacked">
        <caption className="visually-hidden">{t('auditLog.caption')}</caption>
        <thead>
          <tr>
            {(['occurredAt', 'actor', 'action', 'subject', 'origin'] as const).map((column) => (
              <th key={column} scope="col">
                {t(`auditLog.columns.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id}>
              <th scope="row" data-label={t('auditLog.columns.occurredAt')}>
                {formatDateTime(event.occurredAt, i18n.language)}
              </th>
              <td data-label={t('auditLog.columns.actor')}>
                {event.actorName ?? <span className="table__code table__wrap">{event.actorSubject}</span>}
                <span className="table__sub">{event.actorKind}</span>
              </td>
              <td className="table__code table__wrap" data-label={t('auditLog.columns.action')}>
                {event.action}
              </td>
              <td data-label={t('auditLog.columns.subject')}>
                {event.subjectId && event.subjectType === 'person' ? (
                  <Link to={paths.person(event.subjectId)}>{event.subjectName ?? event.subjectId}</Link>
                ) : (
                  <>
                    {event.subjectType}
                    {event.subjectId ? <span className="table__sub table__code table__wrap">{event.subjectId}</span> : null}
                  </>
                )}
              </td>
              <td data-label={t('auditLog.columns.origin')}>
                <span className="table__code table__wrap">{event.clientIp}</span>
                <span className="table__sub table__code table__wrap">{event.requestId}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Pager({ offset, count, total, onOffset }: { offset: number; count: number; total: number; onOffset: (offset: number) => void }) {
  const { t } = useTranslation();
  return (
    <nav className="pager" aria-label={t('auditLog.pagination')}>
      <button type="button" className="button button--secondary" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - AUDIT_PAGE_SIZE))}>
        {t('auditLog.previous')}
      </button>
      <span role="status">{t('auditLog.range', { from: offset + 1, to: offset + count, total })}</span>
      <button type="button" className="button button--secondary" disabled={offset + count >= total} onClick={() => onOffset(offset + AUDIT_PAGE_SIZE)}>
        {t('auditLog.next')}
      </button>
    </nav>
  );
}
