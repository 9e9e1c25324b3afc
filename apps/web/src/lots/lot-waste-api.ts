import type { LotWasteRecorded, LotWasteRequest } from '@vaccinate/api-contracts';
import type { ApiClient } from '../shared/api/api-client';

export type { LotWasteRequest };

export const recordLotWaste = (api: ApiClient, lotId: string, waste: LotWasteRequest) => api.post<LotWasteRecorded>(`/lots/${encodeURIComponent(lotId)}/waste`, waste);
