import type { AuditEventPage, AuditEventSearch } from '@vaccinate/api-contracts';
import type { ApiClient } from '../shared/api/api-client';

export const AUDIT_PAGE_SIZE = 50;

/** The filters as the API takes them: ids, dates, and parts of names, which travel in the body only. */
export type AuditFilters = Omit<AuditEventSearch, 'limit' | 'offset'>;
export type { AuditEventPage };

export const listAuditEvents = (api: ApiClient, filters: AuditFilters, offset: number, signal?: AbortSignal) =>
  api.post<AuditEventPage>('/audit-events/search', { ...filters, limit: AUDIT_PAGE_SIZE, offset } satisfies AuditEventSearch, signal ? { signal } : {});

export const exportAuditEvents = (api: ApiClient, filters: AuditFilters) => api.blob('/audit-events/export.csv', { body: { ...filters } }, 'POST');
