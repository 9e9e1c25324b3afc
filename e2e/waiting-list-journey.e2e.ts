import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkedContext } from './support/accessibility';
import { launchBrowser } from './support/browser';
import { mailBody, mailTo } from './support/caught-mail';
import { signInAsAdmin } from './support/staff-sign-in';

describe('the waiting list, from registration to the booking mail', () => {
  let browser: Browser;
  const port = inject('gatewayPort');
  const baseUrl = `http://acme.localhost:${port}`;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it('registers, staff release the group, the allocator books and the booking mail arrives', async () => {
    const context = await checkedContext(browser, { locale: 'en-US', timezoneId: 'Europe/Berlin' });
    const { page, a11y } = await context.newPage();
    const email = `waiting.${Date.now()}@acme.example`;

    await page.goto(`${baseUrl}/registration`);
    await page.getByLabel('Given name').waitFor();
    await a11y.check('registration');
    await page.getByLabel('Given name').fill('Wanda');
    await page.getByLabel('Family name').fill('Wartend');
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Date of birth').fill('1975-03-09');
    await page.getByRole('button', { name: 'Join the waiting list' }).click();
    const code = page.getByTestId('tracking-code');
    await code.waitFor({ timeout: 20_000 });
    const trackingCode = ((await code.textContent()) ?? '').trim();
    expect(trackingCode).toMatch(/^R[0-9A-Z]{3}-[0-9A-Z]{4}-[0-9A-Z]{2}$/);
    await a11y.check('registered');

    // The code is not only on the screen: the receipt brings it and the status link.
    const catcherUrl = inject('mailCatcherUrl');
    const receipt = await mailTo(catcherUrl, email, (mail) => mail.subject.includes('waiting list'), 45_000);
    expect(receipt.subject).toBe(`You are on the waiting list: code ${trackingCode}`);
    const receiptBody = await mailBody(catcherUrl, receipt);
    expect(receiptBody.text).toContain(`Your tracking code: ${trackingCode}`);
    expect(receiptBody.text).toContain(`${baseUrl}/registration/status#${trackingCode}`);

    const { page: staff, a11y: staffA11y } = await context.newPage();
    await signInAsAdmin(staff, baseUrl, 'admin@acme.example', inject('oneTimePasswords')['acme'] ?? '', 'a long and private passphrase', staffA11y);
    await staff.goto(`${baseUrl}/staff/waiting-list`);
    await staff.getByLabel('Up to group (rank)').fill('3');
    await staff.getByRole('button', { name: 'Release', exact: true }).click();
    await staff.getByText('Groups up to 3: Every site').waitFor();
    await staffA11y.check('released');
    await staff.screenshot({ path: `${import.meta.dirname}/../test-results/waiting-list-staff.png`, fullPage: true });

    const mail = await mailTo(catcherUrl, email, (caught) => caught.subject.includes('Booking confirmed'), 45_000);
    expect(mail.subject).toMatch(/Booking confirmed/);

    await page.goto(`${baseUrl}/registration/status#${trackingCode}`);
    await page.getByLabel('Date of birth').fill('1975-03-09');
    await page.getByRole('button', { name: 'Show status' }).click();
    await page.getByTestId('registration-status').getByText('Booked').waitFor();
    await context.close();
  });
});
