import type { DeadLetter, OutboxStatus } from '@vaccinate/api-contracts';
import type { ApiClient } from '../api/api-client';
import { readItems } from '../staff/staff-list';

export type { DeadLetter, OutboxStatus } from '@vaccinate/api-contracts';

/** Answered when the message is no longer dead: someone sent it again already. */
export const NOT_DEAD_CODE = 'outbox.not_dead';

const signalOf = (signal?: AbortSignal) => (signal ? { signal } : {});

export const fetchOutboxStatus = (api: ApiClient, signal?: AbortSignal) => api.get<OutboxStatus>('/outbox/status', signalOf(signal));
export const listDeadLetters = async (api: ApiClient, signal?: AbortSignal) =>
  readItems(await api.get<DeadLetter[] | { items: DeadLetter[] }>('/outbox/dead-letters', signalOf(signal)));
export const replayDeadLetter = (api: ApiClient, id: string) =>
  api.post<undefined>(`/outbox/dead-letters/${encodeURIComponent(id)}/replay`, {});
