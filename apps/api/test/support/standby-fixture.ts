import type { Site } from '@vaccinate/api-contracts';
import { outboxFields } from '../../src/database/encrypted-fields';
import { captchaSolution, randomClientIp } from './booking-fixture';
import { postJson, type RunningApi } from './tenant-fixture';
import { rowsOf } from './waiting-list-fixture';

export async function joinStandby(api: RunningApi, body: Record<string, unknown>): Promise<Response> {
  const ip = randomClientIp();
  return api.request('/api/standby/members', { body: { captcha: await captchaSolution(api, ip), ...body }, headers: { 'x-forwarded-for': ip } });
}

export async function newSite(api: RunningApi, token: string, name: string): Promise<Site> {
  return postJson<Site>(api, '/api/sites', { name, street: 'Werkstraße 3', postalCode: '10115', city: 'Berlin', openingHours: 'Mo–Fr', stations: 1 }, token);
}

/** The offer links mailed so far for an announcement's site, read back from the encrypted outbox as the mailer would. */
export async function offerTokens(api: RunningApi, siteName: string): Promise<{ email: string; token: string }[]> {
  const rows = await rowsOf<{ payload_encrypted: string }>(
    api.tenant.databaseUrl,
    "SELECT payload_encrypted FROM outbox_message WHERE kind = 'mail:standby-offer' ORDER BY id",
  );
  return rows
    .map(
      (row) =>
        JSON.parse(outboxFields.payload.decrypt(api.config.fieldKeys, row.payload_encrypted)) as {
          to: { email: string };
          data: { manageUrl: string; appointments: { siteName: string }[] };
        },
    )
    .filter((mail) => mail.data.appointments[0]?.siteName === siteName)
    .map((mail) => ({ email: mail.to.email, token: mail.data.manageUrl.split('#')[1] ?? '' }));
}

/** HH:MM in the tenant's zone, `minutes` from now. */
export function localTime(minutes: number, timeZone = 'Europe/Berlin'): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(Date.now() + minutes * 60_000));
}
