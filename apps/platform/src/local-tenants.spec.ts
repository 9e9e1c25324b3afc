import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLocalTenants } from './local-tenants';

const tenant = (slug: string, extra: Record<string, unknown> = {}) => ({
  slug,
  displayName: slug,
  branding: { primaryColor: '#0b5fff', accentColor: '#ffb000' },
  defaultLocale: 'en',
  ...extra,
});

describe('local tenants', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'local-tenants-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function load(tenants: unknown[]) {
    const file = join(dir, `${Math.random().toString(36).slice(2)}.json`);
    await writeFile(file, JSON.stringify({ tenants }));
    return loadLocalTenants(file, 4000);
  }

  it('reads which SMS provider each tenant sends through, next to its directory entry and port', async () => {
    const tenants = await load([tenant('acme', { sms: 'twilio' }), tenant('globex', { sms: 'vonage' }), tenant('initech')]);
    expect(tenants.map(({ entry, apiPort, sms }) => [entry.slug, apiPort, sms])).toEqual([
      ['acme', 4000, 'twilio'],
      ['globex', 4001, 'vonage'],
      ['initech', 4002, undefined],
    ]);
  });

  it('refuses a provider it has no fake of', async () => {
    await expect(load([tenant('acme', { sms: 'carrier-pigeon' })])).rejects.toThrow(/"sms" of acme must be twilio or vonage/);
  });

  it("passes a tenant's holiday region to its API and reads phone numbers in its country, Germany unless it names another", async () => {
    const tenants = await load([tenant('acme', { holidayRegion: 'AT-9' }), tenant('globex')]);
    expect(tenants.map(({ entry, holidayRegion }) => [entry.slug, holidayRegion, entry.phoneRegion])).toEqual([
      ['acme', 'AT-9', 'AT'],
      ['globex', 'DE', 'DE'],
    ]);
    await expect(load([tenant('acme', { holidayRegion: 'Austria' })])).rejects.toThrow(/"holidayRegion" of acme must be a country or country-state code/);
  });

  it('reads the committed demo tenants: acme through Twilio, globex through Vonage', async () => {
    const tenants = await loadLocalTenants(join(__dirname, '..', 'local-tenants.json'), 3101);
    expect(tenants.map(({ entry, sms }) => [entry.slug, sms])).toEqual([
      ['acme', 'twilio'],
      ['globex', 'vonage'],
    ]);
  });
});
