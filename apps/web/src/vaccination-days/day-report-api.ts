import type { DayReport } from '@vaccinate/api-contracts';
import type { ApiClient } from '../shared/api/api-client';

const reportPath = (dayId: string) => `/vaccination-days/${encodeURIComponent(dayId)}/report`;

export const fetchDayReport = (api: ApiClient, dayId: string, signal?: AbortSignal) => api.get<DayReport>(reportPath(dayId), signal ? { signal } : {});

export const downloadDayReportCsv = (api: ApiClient, dayId: string) => api.blob(`${reportPath(dayId)}.csv`);
