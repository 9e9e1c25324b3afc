import { captchaSolution, randomClientIp } from './booking-fixture';
import type { RunningApi } from './tenant-fixture';

export { rowsOf } from './tenant-fixture';

/** Registers on the waiting list as the public form does; returns the tracking code. */
export async function register(api: RunningApi, body: Record<string, unknown>): Promise<string> {
  const ip = randomClientIp();
  const response = await api.request('/api/registrations', { body: { captcha: await captchaSolution(api, ip), ...body }, headers: { 'x-forwarded-for': ip } });
  if (response.status !== 202) throw new Error(`registration answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { trackingCode: string }).trackingCode;
}

export async function release(api: RunningApi, token: string, upToRank: number, siteId?: string): Promise<void> {
  const response = await api.request('/api/waiting-list/releases', { token, body: { upToRank, ...(siteId ? { siteId } : {}) } });
  if (response.status !== 204) throw new Error(`release answered ${response.status}: ${await response.text()}`);
}

/** Polls until `check` holds; the test's own timeout bounds it. */
export async function eventually(check: () => Promise<boolean>, pauseMs = 50): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, pauseMs));
}
