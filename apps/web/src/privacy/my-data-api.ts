import type { DataAccessLinkExchange, DataAccessRequest, DataAccessRequestAccepted, PersonExport } from '@vaccinate/api-contracts';
import type { ApiClient } from '../shared/api/api-client';

export function requestDataAccess(api: ApiClient, request: DataAccessRequest): Promise<DataAccessRequestAccepted> {
  return api.post<DataAccessRequestAccepted>('/privacy/access-requests', request);
}

/** Spends the mailed link: the token travels in the body, never in a URL the server sees. */
export function openDataAccessLink(api: ApiClient, token: string): Promise<PersonExport> {
  return api.post<PersonExport>('/privacy/access-links', { token } satisfies DataAccessLinkExchange);
}

/** The token from the link's fragment (`#token=…`), if there is one. */
export function tokenFromFragment(hash: string): string | null {
  return /^#token=([A-Za-z0-9_-]{43})$/.exec(hash)?.[1] ?? null;
}
