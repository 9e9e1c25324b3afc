import type { DeadLetter, OutboxStatus } from '@vaccinate/api-contracts';
import type { ApiClient } from '../shared/api/api-client';

export type { DeadLetter, OutboxStatus } from '@vaccinate/api-contracts';

/** Answered when the message is no longer dead: someone sent it again already. */
export const NOT_DEAD_CODE = 'outbox.not_dead';

const signalOf = (signal?: AbortSignal) => (signal ? { signal } : {});

export const fetchOutboxStatus = (api: ApiClient, signal?: AbortSignal) => api.get<OutboxStatus>('/outbox/status', signalOf(signal));
export const listDeadLetters = (api: ApiClient, signal?: AbortSignal) => api.get<DeadLetter[]>('/outbox/dead-letters', signalOf(signal));
export const replayDeadLetter = (api: ApiClient, id: string) => api.post<undefined>(`/outbox/dead-letters/${encodeURIComponent(id)}/replay`, {});
