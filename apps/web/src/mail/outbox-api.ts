import type { ApiClient } from '../api/api-client';
import { readItems } from '../staff/staff-list';

/** How many outgoing messages wait, went out, or gave up (`GET /outbox/status`). */
export interface OutboxStatus {
  pending: number;
  sent: number;
  dead: number;
}

/** A message the mailer gave up on: what and why, never its content or recipient. */
export interface DeadLetter {
  id: string;
  kind: string;
  template: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
}

/** Answered when the message is no longer dead: someone sent it again already. */
export const NOT_DEAD_CODE = 'outbox.not_dead';

const signalOf = (signal?: AbortSignal) => (signal ? { signal } : {});

export const fetchOutboxStatus = (api: ApiClient, signal?: AbortSignal) => api.get<OutboxStatus>('/outbox/status', signalOf(signal));
export const listDeadLetters = async (api: ApiClient, signal?: AbortSignal) =>
  readItems(await api.get<DeadLetter[] | { items: DeadLetter[] }>('/outbox/dead-letters', signalOf(signal)));
export const replayDeadLetter = (api: ApiClient, id: string) =>
  api.post<undefined>(`/outbox/dead-letters/${encodeURIComponent(id)}/replay`, {});
