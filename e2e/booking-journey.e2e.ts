import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkedContext } from './support/accessibility';
import { launchBrowser } from './support/browser';
import { mailTo } from './support/caught-mail';

describe('an employee books on their company address', () => {
  let browser: Browser;
  const port = inject('gatewayPort');

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it('picks a vaccine, a time and the follow-up, books, and receives the confirmation mail with QR code and calendar file', async () => {
    const context = await checkedContext(browser, { locale: 'en-US', timezoneId: 'Europe/Berlin', viewport: { width: 420, height: 900 } });
    const { page, a11y } = await context.newPage();
    await page.goto(`http://acme.localhost:${port}/`);
    await page.getByRole('button', { name: /Comirnaty/ }).click();
    await page.getByRole('radio', { name: 'First dose' }).check();

    const firstTimes = page.getByRole('group', { name: /times on/i }).first();
    const firstSlot = firstTimes.getByRole('button', { disabled: false }).first();
    await firstSlot.waitFor();
    await a11y.check('times');
    const chosenTime = (await firstSlot.textContent())?.match(/\d{2}:\d{2}/)?.[0];
    expect(chosenTime).toBe('08:00'); // the first slot of the day, in the center's own time zone
    await firstSlot.click();

    const followUp = page.locator('[aria-labelledby="booking-follow-up-title"]');
    await followUp.waitFor();
    await expect.poll(async () => (await followUp.textContent()) ?? '', { timeout: 15_000 }).toMatch(/\d{2}:\d{2}/);

    await a11y.check('follow-up');
    const email = `e2e.${Date.now()}@acme.example`;
    await page.getByLabel('Given name').fill('Erika');
    await page.getByLabel('Family name').fill('Mustermann');
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Date of birth').fill('1984-08-12');
    await page.getByRole('button', { name: 'Book appointment' }).click();

    const code = page.getByTestId('booking-code');
    await code.waitFor({ timeout: 20_000 });
    const bookingCode = ((await code.textContent()) ?? '').trim();
    expect(bookingCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect((await page.content()).match(/\d{2}:\d{2}/g)?.length).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: `${import.meta.dirname}/../test-results/booking-confirmation.png`, fullPage: true });

    const catcherUrl = inject('mailCatcherUrl');
    const mail = await mailTo(catcherUrl, email);
    expect(mail.subject).toContain(bookingCode);
    expect(mail.attachments.map((a) => a.filename)).toEqual(expect.arrayContaining(['vaccination.ics']));
    const detail = (await (await fetch(`${catcherUrl}api/messages/${mail.id}`)).json()) as { html: string; text: string };
    expect(detail.text).toContain(bookingCode);
    expect(detail.html).toMatch(/cid:check-in-qr|data:image\/png/);
    await context.close();
  });
});
