import { randomUUID } from 'node:crypto';
import type { Lot, Site, VaccinationDay, VaccineProduct } from '@vaccinate/api-contracts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkedContext } from './support/accessibility';
import { launchBrowser } from './support/browser';
import { tenantApi } from './support/tenant-api';

function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe('booking with two sites: no dead end', () => {
  let browser: Browser;
  const port = inject('gatewayPort');
  const api = tenantApi('globex', port);
  // A vaccine of this test's own, so only its days are offered.
  const vaccineName = `Pairvax ${randomUUID().slice(0, 6).toUpperCase()}`;
  let oneOff: VaccinationDay;

  beforeAll(async () => {
    browser = await launchBrowser();
    const doctor = await api.signIn('doctor@globex.example', inject('demoStaffPasswords')['globex'] ?? '');
    const main = (await api.get<Site[]>('/sites', doctor))[0] as Site;
    const newer = await api.post<Site>(
      '/sites',
      { name: 'Werk Nord', street: 'Nordring 2', postalCode: '20095', city: 'Hamburg', openingHours: 'Mo–Fr 8–16', stations: 1 },
      doctor,
    );
    const vaccine = await api.post<VaccineProduct>(
      '/vaccines',
      {
        name: vaccineName,
        manufacturer: 'E2E Pharma',
        euProductCode: 'EU/1/20/1528',
        marketingAuthorisationHolder: 'ORG-100030215',
        prophylaxisCode: 'J07BN01',
        primaryDoses: 2,
        followUpIntervals: [{ dose: 2, minDays: 21, recommendedDays: 21, maxDays: 42 }],
        boosterMinDaysAfterSeries: 90,
        minAgeYears: 12,
        maxAgeYears: null,
        active: true,
      },
      doctor,
    );
    const lot = await api.post<Lot>(
      '/lots',
      { productId: vaccine.id, lotNumber: `P${randomUUID().slice(0, 6).toUpperCase()}`, expiryDate: inDays(300), dosesReceived: 40 },
      doctor,
    );
    const day = (siteId: string, date: string, capacity: { first: number; followUp: number; booster: number }) =>
      api.post<VaccinationDay>(
        '/vaccination-days',
        { siteId, date, opensAt: '08:00', closesAt: '09:00', slotMinutes: 15, capacityPerSlot: capacity, lots: [{ lotId: lot.id, doses: 8 }] },
        doctor,
      );
    // The newer site's one-off day is the soonest, with nothing three to six weeks after it.
    oneOff = await day(newer.id, inDays(3), { first: 2, followUp: 2, booster: 0 });
    await day(main.id, inDays(30), { first: 2, followUp: 0, booster: 0 });
    await day(main.id, inDays(55), { first: 0, followUp: 2, booster: 0 });
  });
  afterAll(() => browser?.close());

  it('opens on the soonest whole pair, not the one-off day, and "All places" finds the follow-up', async () => {
    const context = await checkedContext(browser, { locale: 'en-US', timezoneId: 'Europe/Berlin', viewport: { width: 1280, height: 900 } });
    const { page, a11y } = await context.newPage();
    await page.goto(`http://globex.localhost:${port}/`);
    await page.getByRole('button', { name: new RegExp(vaccineName) }).click();
    await page.getByRole('radio', { name: 'First dose' }).check();

    // The one-off day is listed, and says it has no follow-up; the page opens on the day that has one.
    const days = page.getByRole('list', { name: 'Dates' });
    await days.waitFor();
    const oneOffButton = days.getByRole('button').filter({ hasText: 'no time free for the follow-up dose' });
    await expect.poll(() => oneOffButton.count(), { timeout: 15_000 }).toBe(1);
    expect(await oneOffButton.getAttribute('aria-pressed')).toBe('false');
    expect(oneOff.date).toBe(inDays(3));

    const firstSlot = page
      .getByRole('group', { name: /times on/i })
      .first()
      .getByRole('button', { disabled: false })
      .first();
    await firstSlot.click();
    const followUp = page.locator('[aria-labelledby="booking-follow-up-title"]');
    await followUp.waitFor();
    await expect.poll(async () => (await followUp.textContent()) ?? '', { timeout: 15_000 }).toMatch(/We have chosen a time for you/);
    expect(await followUp.textContent()).not.toContain('There is no free time for the follow-up dose');
    await a11y.check('follow-up');
    await page.getByLabel('Given name').waitFor();
    await context.close();
  });
});
