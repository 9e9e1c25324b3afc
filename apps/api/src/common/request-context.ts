import { AsyncLocalStorage } from 'node:async_hooks';
import type { StaffRole } from '@vaccinate/api-contracts';

/** Who is calling: a local staff account or a user of the tenant's identity provider. */
export interface Principal {
  subject: string;
  kind: 'staff' | 'oidc';
  roles: StaffRole[];
  mustChangePassword: boolean;
  /** The sign-in a local staff token belongs to; every request checks it is still open. */
  sessionId?: string;
  /** Only from an identity provider's token, where there is no local account to read them from. */
  email?: string;
  displayName?: string;
}

export interface RequestContext {
  requestId: string;
  /** The client address as the proxy reports it; kept for the audit trail, never logged with personal data. */
  clientIp: string;
  principal?: Principal;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const requestContext = {
  run<T>(context: RequestContext, callback: () => T): T {
    return storage.run(context, callback);
  },
  enterWith(context: RequestContext): void {
    storage.enterWith(context);
  },
  current(): RequestContext | undefined {
    return storage.getStore();
  },
};

/** Who is acting, for the records a change writes (`documented_by`, `changed_by`, …): the staff subject, or `system` for jobs. */
export function currentActor(): string {
  return storage.getStore()?.principal?.subject ?? 'system';
}
