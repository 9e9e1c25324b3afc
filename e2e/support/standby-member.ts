import { expect } from 'vitest';
import type { tenantApi } from './tenant-api';

type TenantApi = ReturnType<typeof tenantApi>;

export interface StandbyPerson {
  givenName: string;
  familyName: string;
  email: string;
  birthDate: string;
}

/**
 * What an employee does on the public pages, by API: registers on the waiting list for one site and
 * joins its standby list (with a phone number for SMS offers, else offers go by mail).
 */
export async function joinStandby(api: TenantApi, siteId: string, person: StandbyPerson, phone?: string): Promise<void> {
  const registered = await api.call<{ trackingCode: string }>('POST', '/registrations', {
    person,
    preferredSiteIds: [siteId],
    locale: 'en',
    captcha: await api.captcha(),
  });
  expect(registered.status).toBe(202);
  const joined = await api.call('POST', '/standby/members', {
    trackingCode: registered.body.trackingCode,
    birthDate: person.birthDate,
    siteIds: [siteId],
    ...(phone ? { phone } : {}),
    captcha: await api.captcha(),
  });
  expect(joined.status).toBe(201);
}
