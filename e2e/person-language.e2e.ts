import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkedContext } from './support/accessibility';
import { launchBrowser } from './support/browser';
import { mailAttachment, mailBody, mailTo } from './support/caught-mail';

describe("each person's language", () => {
  let browser: Browser;
  const port = inject('gatewayPort');
  const catcherUrl = inject('mailCatcherUrl');

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it('a booking made on the German page gets German mails and a German calendar file at a tenant whose default is English', async () => {
    // acme's default language is English (apps/platform/local-tenants.json): German can only come from the page.
    const context = await checkedContext(browser, { locale: 'de-DE', timezoneId: 'Europe/Berlin', viewport: { width: 1280, height: 900 } });
    const { page, a11y } = await context.newPage();
    await page.goto(`http://acme.localhost:${port}/`);
    await page.getByRole('button', { name: /Comirnaty/ }).click();
    await page.getByRole('radio', { name: 'Erstimpfung' }).check();
    const firstSlot = page
      .getByRole('group', { name: /Uhrzeiten am/ })
      .first()
      .getByRole('button', { disabled: false })
      .first();
    await firstSlot.waitFor();
    await firstSlot.click();
    const followUp = page.locator('[aria-labelledby="booking-follow-up-title"]');
    await followUp.waitFor();
    await expect.poll(async () => (await followUp.textContent()) ?? '', { timeout: 15_000 }).toMatch(/\d{2}:\d{2}/);
    await a11y.check('follow-up');

    const email = `e2e.de.${Date.now()}@acme.example`;
    await page.getByLabel('Vorname').fill('Jürgen');
    await page.getByLabel('Nachname').fill('Müller');
    await page.getByLabel('E-Mail').fill(email);
    await page.getByLabel('Geburtsdatum').fill('1979-03-04');
    await page.getByRole('button', { name: 'Termin buchen' }).click();
    const code = page.getByTestId('booking-code');
    await code.waitFor({ timeout: 20_000 });
    const bookingCode = ((await code.textContent()) ?? '').trim();

    const mail = await mailTo(catcherUrl, email);
    expect(mail.subject).toBe(`Buchungsbestätigung: Comirnaty, Buchung ${bookingCode}`);
    const body = await mailBody(catcherUrl, mail);
    expect(body.text).toContain('Hallo Jürgen Müller,');
    expect(body.text).toContain('Über diesen Link können Sie Ihre Termine absagen oder verschieben');
    const ics = await mailAttachment(catcherUrl, mail, 'vaccination.ics');
    expect(ics).toContain('SUMMARY:Impfung (Dosis 1): Comirnaty');
    expect(ics).toContain('SUMMARY:Impfung (Dosis 2): Comirnaty');
    expect(ics).not.toMatch(/SUMMARY:Vaccination/);
    await context.close();
  });
});
