import type { Lot, Site, VaccinationDay, VaccineProduct } from '@vaccinate/api-contracts';
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkedContext } from './support/accessibility';
import { launchBrowser } from './support/browser';
import { mailBody, mailTo } from './support/caught-mail';
import { signInAsAdmin } from './support/staff-sign-in';
import { joinStandby } from './support/standby-member';
import { tenantApi } from './support/tenant-api';

const PASSPHRASE = 'a long and private passphrase';

describe('a spare dose taken from standby', () => {
  const port = inject('gatewayPort');
  const baseUrl = `http://acme.localhost:${port}`;
  const api = tenantApi('acme', port);
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it('is on the day board once the person confirms the offer', async () => {
    const context = await checkedContext(browser, { locale: 'en-US', timezoneId: 'Europe/Berlin' });
    const { page: staff, a11y: staffA11y } = await context.newPage();
    await signInAsAdmin(staff, baseUrl, 'admin@acme.example', inject('oneTimePasswords')['acme'] ?? '', PASSPHRASE, staffA11y);
    const token = await api.signIn('admin@acme.example', PASSPHRASE);

    // A site of its own with a day running today that has no free place: the spare dose brings its own.
    const site = await api.post<Site>(
      '/sites',
      { name: `Standby ${randomUUID().slice(0, 6)}`, street: 'Werkstraße 3', postalCode: '10115', city: 'Berlin', openingHours: 'Mo–Fr', stations: 1 },
      token,
    );
    const product = (await api.get<VaccineProduct[]>('/vaccines', token)).find((vaccine) => vaccine.minAgeYears <= 40) as VaccineProduct;
    const expiry = new Date(Date.now() + 200 * 86_400_000).toISOString().slice(0, 10);
    const lot = await api.post<Lot>(
      '/lots',
      { productId: product.id, lotNumber: `SB${randomUUID().slice(0, 6).toUpperCase()}`, expiryDate: expiry, dosesReceived: 5 },
      token,
    );
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
    const day = await api.post<VaccinationDay>(
      '/vaccination-days',
      {
        siteId: site.id,
        date: today,
        opensAt: '00:00',
        closesAt: '23:59',
        slotMinutes: 15,
        capacityPerSlot: { first: 0, followUp: 0, booster: 0 },
        lots: [{ lotId: lot.id, doses: 5 }],
      },
      token,
    );

    // Someone on the waiting list for this site only joins standby; staff announce one spare dose.
    const email = `standby.${randomUUID().slice(0, 8)}@acme.example`;
    const person = { givenName: 'Stella', familyName: 'Bereit', email, birthDate: '1985-04-12' };
    await joinStandby(api, site.id, person);
    await api.post('/standby/announcements', { siteId: site.id, productId: product.id, doses: 1, availableUntil: new Date(Date.now() + 3_600_000).toISOString() }, token);

    const catcherUrl = inject('mailCatcherUrl');
    const offer = await mailTo(catcherUrl, email, (mail) => /^(Spare dose today|Freie Impfdosis heute)/.test(mail.subject), 30_000);
    const link = /https?:\/\/\S+\/standby\/offer#[\w-]+/.exec((await mailBody(catcherUrl, offer)).text)?.[0] ?? '';
    expect(link).not.toBe('');

    const { page, a11y } = await context.newPage();
    await page.goto(link);
    await page.getByRole('button', { name: 'Take the dose' }).click();
    await page.getByText(/The dose is yours/).waitFor();
    await a11y.check('spare dose taken');

    await staff.goto(`${baseUrl}/staff/days/${day.id}/board`);
    await staff.getByRole('row').filter({ hasText: 'Stella Bereit' }).waitFor();
    await staffA11y.check('board with the spare dose');
    await context.close();
  });
});
