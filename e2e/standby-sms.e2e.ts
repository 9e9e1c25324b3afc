import type { Site, VaccineProduct } from '@vaccinate/api-contracts';
import { randomInt, randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkedContext } from './support/accessibility';
import { launchBrowser } from './support/browser';
import { textTo } from './support/caught-texts';
import { joinStandby } from './support/standby-member';
import { tenantApi } from './support/tenant-api';

/** acme sends its texts through the SMS catcher's Twilio fake, globex through its Vonage fake (apps/platform/local-tenants.json). */
const TENANTS = [
  { slug: 'acme', provider: 'twilio' },
  { slug: 'globex', provider: 'vonage' },
] as const;

describe('a spare-dose offer by SMS', () => {
  const port = inject('gatewayPort');
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  /** A standby member with a phone number on a site of its own, and one spare dose announced there by the doctor. */
  async function announceToMember(slug: string, doctorPassword: string): Promise<{ siteName: string; phone: string }> {
    const api = tenantApi(slug, port);
    const token = await api.signIn(`doctor@${slug}.example`, doctorPassword);
    const siteName = `SMS ${randomUUID().slice(0, 6)}`;
    const site = await api.post<Site>('/sites', { name: siteName, street: 'Funkweg 1', postalCode: '10115', city: 'Berlin', openingHours: 'Mo–Fr', stations: 1 }, token);
    const product = (await api.get<VaccineProduct[]>('/vaccines', token)).find((vaccine) => vaccine.minAgeYears <= 40) as VaccineProduct;
    const phone = `+49151${String(randomInt(10_000_000, 100_000_000))}`;
    const person = { givenName: 'Simon', familyName: 'Kurz', email: `sms.${randomUUID().slice(0, 8)}@${slug}.example`, birthDate: '1985-04-12' };
    await joinStandby(api, site.id, person, phone);
    await api.post('/standby/announcements', { siteId: site.id, productId: product.id, doses: 1, availableUntil: new Date(Date.now() + 3_600_000).toISOString() }, token);
    return { siteName, phone };
  }

  it("shows staff each offer's text as delivered, as Twilio (acme) and Vonage (globex) report it", async () => {
    const passwords = inject('demoStaffPasswords');
    const catcherUrl = inject('smsCatcherUrl');
    const announced = await Promise.all(TENANTS.map(({ slug }) => announceToMember(slug, passwords[slug] ?? '')));

    for (const [index, { slug, provider }] of TENANTS.entries()) {
      const { siteName, phone } = announced[index] as { siteName: string; phone: string };
      // The provider's fake took the text to the member's number and its signed report was taken by the tenant's API.
      const text = await textTo(catcherUrl, phone, (each) => each.delivery?.answer === 204);
      expect(text).toMatchObject({ provider, delivery: { status: 'delivered', answer: 204 } });
      expect(text.text).toMatch(new RegExp(`: ${siteName}\\. http://${slug}\\.localhost:${port}/standby/offer#[\\w-]{43}$`));

      const context = await checkedContext(browser, { locale: 'en-US', timezoneId: 'Europe/Berlin' });
      const { page, a11y } = await context.newPage();
      const origin = `http://${slug}.localhost:${port}`;
      await page.goto(`${origin}/staff/sign-in`);
      await page.getByLabel('E-mail').waitFor();
      await a11y.check('sign-in');
      await page.getByLabel('E-mail').fill(`doctor@${slug}.example`);
      await page.getByLabel('Password', { exact: true }).fill(passwords[slug] ?? '');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByText('Signed in as').waitFor();
      await a11y.check('signed in');

      await page.goto(`${origin}/staff/standby`);
      const line = page.getByRole('row').filter({ hasText: siteName });
      await line.waitFor();
      expect(await line.getByTestId('announcement-sms').textContent()).toBe('1 delivered, 0 on the way, 0 failed');
      await a11y.check('spare doses with the text delivered');
      await context.close();
    }
  });
});
