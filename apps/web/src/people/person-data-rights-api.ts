import type { PersonErasure } from '@vaccinate/api-contracts';
import type { ApiClient } from '../shared/api/api-client';

/** Export and erasure need `doctor` or above: they open or end the whole record. */
export const DATA_RIGHTS_ROLES = ['admin', 'doctor'] as const;

export type ExportFormat = 'json' | 'html';

export function exportPerson(api: ApiClient, id: string, format: ExportFormat): Promise<Blob> {
  return api.blob(`/people/${encodeURIComponent(id)}/${format === 'json' ? 'export' : 'export.html'}`);
}

export function erasePerson(api: ApiClient, id: string): Promise<PersonErasure> {
  return api.post<PersonErasure>(`/people/${encodeURIComponent(id)}/erasure`, undefined);
}
