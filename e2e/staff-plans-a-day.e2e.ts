import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkedContext } from './support/accessibility';
import { launchBrowser } from './support/browser';

describe('a company doctor plans a vaccination day', () => {
  let browser: Browser;
  const port = inject('gatewayPort');

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it('signs in, plans a day from a lot in stock and sees its slots', async () => {
    const context = await checkedContext(browser, { locale: 'en-US', timezoneId: 'Europe/Berlin' });
    const { page, a11y } = await context.newPage();
    const oneTimePassword = inject('oneTimePasswords')['globex'] ?? '';
    await page.goto(`http://globex.localhost:${port}/staff/sign-in`);
    await page.getByLabel('E-mail').waitFor();
    await a11y.check('sign-in');
    await page.getByLabel('E-mail').fill('admin@globex.example');
    await page.getByLabel('Password', { exact: true }).fill(oneTimePassword);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByLabel('Current password').waitFor();
    await a11y.check('password change');
    await page.getByLabel('Current password').fill(oneTimePassword);
    await page.getByLabel('New password', { exact: true }).fill('globex doctor passphrase');
    await page.getByLabel('Repeat new password').fill('globex doctor passphrase');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Signed in as Administrator').waitFor();
    await a11y.check('signed in');

    await page.goto(`http://globex.localhost:${port}/staff/days/new`);
    const date = new Date(Date.now() + 50 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Site').waitFor();
    await a11y.check('plan a day');
    await page.getByLabel('Site').selectOption({ index: 1 });
    await page.getByLabel('Date').fill(date);
    await page.getByLabel('Opens at').fill('08:00');
    await page.getByLabel('Closes at').fill('09:00');
    await page.getByLabel('Slot length (minutes)').fill('15');
    await page.getByLabel('First dose').fill('2');
    await page.getByLabel('Follow-up dose').fill('1');
    await page.getByLabel('Booster').fill('0');
    await page.getByLabel('Lot 1', { exact: true }).selectOption({ index: 1 });
    await page.getByLabel('Doses from lot 1').fill('8');
    await page.getByRole('button', { name: 'Plan a day' }).click();

    // The day view: four 15-minute slots from 08:00 in the center's time zone.
    for (const time of ['08:00', '08:15', '08:30', '08:45']) await page.getByText(time, { exact: false }).first().waitFor();
    await page.screenshot({ path: `${import.meta.dirname}/../test-results/staff-day.png`, fullPage: true });
    expect(await page.getByText('09:00', { exact: true }).count()).toBe(0);
    await context.close();
  });
});
