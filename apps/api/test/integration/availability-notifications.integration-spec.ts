import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ApiConfig } from '../../src/config/api-config';
import { AvailabilityNotifications } from '../../src/modules/booking/availability-notifications';
import { provisionTestTenant } from '../support/tenant-fixture';

/** One process's notifications, and every change it was told of, in order. */
async function startPod(databaseUrl: string): Promise<{ notifications: AvailabilityNotifications; heard: string[] }> {
  const config = { database: { url: databaseUrl, ssl: 'disable' } } as ApiConfig;
  const notifications = new AvailabilityNotifications(config, pino({ level: 'silent' }));
  const heard: string[] = [];
  notifications.onChange((payload) => heard.push(payload));
  await notifications.onApplicationBootstrap();
  return { notifications, heard };
}

describe('availability notifications between processes', () => {
  let pods: Awaited<ReturnType<typeof startPod>>[] = [];

  beforeAll(async () => {
    const tenant = await provisionTestTenant(inject('postgresAdminUrl'), 'notify');
    pods = [await startPod(tenant.databaseUrl), await startPod(tenant.databaseUrl)];
  });
  afterAll(async () => {
    for (const pod of pods) await pod.notifications.onApplicationShutdown();
  });

  it('reach the other process once, and never come back to the one that made them', async () => {
    const [booking, other] = pods;
    if (!booking || !other) throw new Error('two processes expected');
    booking.notifications.publish(['slot:s1:first:0']);
    booking.notifications.publish(['slot:s1:first:1']); // a cancellation right after: the place is free again
    for (let waited = 0; waited < 10_000 && !other.heard.includes('slot:s1:first:1'); waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    // Its own echo would arrive at the same time as the other's copy; give it a moment more.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(other.heard.filter((payload) => payload.startsWith('slot:'))).toEqual(['slot:s1:first:0', 'slot:s1:first:1']);
    expect(booking.heard.filter((payload) => payload.startsWith('slot:'))).toEqual(['slot:s1:first:0', 'slot:s1:first:1']);
  });
});
