import type { WasteReason } from '@vaccinate/api-contracts';
import type { ApiClient } from '../api/api-client';

export interface LotWasteRequest {
  doses: number;
  reason: WasteReason;
  dayId?: string;
}

export const recordLotWaste = (api: ApiClient, lotId: string, waste: LotWasteRequest) =>
  api.post<{ lotId: string; dosesLeft: number }>(`/lots/${encodeURIComponent(lotId)}/waste`, waste);
