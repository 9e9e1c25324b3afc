import type { AuditEventPage, AuditEventsQuery } from '@vaccinate/api-contracts';
import type { ApiClient } from '../shared/api/api-client';

export const AUDIT_PAGE_SIZE = 50;

/** The filters as the API takes them: identifiers and dates only, never personal values. */
export type AuditFilters = Omit<AuditEventsQuery, 'limit' | 'offset'>;
export type { AuditEventPage };

export const listAuditEvents = (api: ApiClient, filters: AuditFilters, offset: number, signal?: AbortSignal) =>
  api.get<AuditEventPage>('/audit-events', { query: { ...filters, limit: AUDIT_PAGE_SIZE, offset }, ...(signal ? { signal } : {}) });

export const exportAuditEvents = (api: ApiClient, filters: AuditFilters) => api.blob('/audit-events/export.csv', { query: { ...filters } });
