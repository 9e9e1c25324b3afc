import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkedContext } from './support/accessibility';
import { launchBrowser } from './support/browser';
import { signInAsAdmin } from './support/staff-sign-in';

/** Letters only, so each run's people have names of their own. */
function uniqueName(): string {
  return Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
}

/** The Tuesday about two months ahead, as YYYY-MM-DD. */
function tuesdayInTwoMonths(): string {
  const date = new Date(Date.now() + 60 * 86_400_000);
  date.setUTCDate(date.getUTCDate() + ((9 - date.getUTCDay()) % 7));
  return date.toISOString().slice(0, 10);
}

describe("the company doctor's tools", () => {
  let browser: Browser;
  const port = inject('gatewayPort');
  const baseUrl = `http://acme.localhost:${port}`;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it('imports a roster with two bad rows reported, finds an imported person by name prefix, and shows a weekly series in the calendar', async () => {
    const context = await checkedContext(browser, { locale: 'en-US', timezoneId: 'Europe/Berlin' });
    const { page, a11y } = await context.newPage();
    await signInAsAdmin(page, baseUrl, 'admin@acme.example', inject('oneTimePasswords')['acme'] ?? '', 'a long and private passphrase', a11y);

    const family = `Rosterson${uniqueName()}`;
    const stamp = Date.now();
    const csv = [
      'given_name;family_name;email;birth_date;employee_number;department',
      `Greta;${family};greta.${stamp}@acme.example;1988-02-03;R-${stamp}-1;Plant`,
      `Hanno;${family};hanno.${stamp}@acme.example;1979-10-11;R-${stamp}-2;`,
      `Ines;${family};not-an-email;1990-01-01;R-${stamp}-3;`,
      `Jan;${family};jan.${stamp}@acme.example;2999-01-01;R-${stamp}-4;`,
    ].join('\r\n');
    await page.goto(`${baseUrl}/staff/people/roster`);
    await page.getByLabel('CSV file').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Preview' }).click();
    const problems = page.getByRole('table', { name: '2 rows left out for problems' });
    await problems.waitFor();
    expect(await problems.getByRole('row').allTextContents()).toEqual(['RowColumnProblem', expect.stringMatching(/^4email/), expect.stringMatching(/^5birth_date/)]);
    await a11y.check('roster preview');
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByRole('heading', { name: 'Imported' }).waitFor();
    await page.getByText('4 rows: 2 new, 0 changed, 0 unchanged, 2 left out.').waitFor();

    await page.goto(`${baseUrl}/staff/people`);
    await page.getByLabel('Find a person').fill(`${family.slice(0, 12).toLowerCase()} gre`);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByText(family).first().waitFor();
    expect(await page.getByText('1 person found.').count()).toBe(1);
    await a11y.check('people search');

    const firstDate = tuesdayInTwoMonths();
    await page.goto(`${baseUrl}/staff/days/new`);
    await page.getByLabel('Site').waitFor();
    await page.getByLabel('Site').selectOption({ index: 1 });
    await page.getByLabel('Date').fill(firstDate);
    await page.getByLabel('Opens at').fill('13:00');
    await page.getByLabel('Closes at').fill('14:00');
    await page.getByLabel('Slot length (minutes)').fill('30');
    await page.getByLabel('First dose').fill('1');
    await page.getByLabel('Follow-up dose').fill('1');
    await page.getByLabel('Booster').fill('0');
    await page.getByLabel('Lot 1', { exact: true }).selectOption({ index: 1 });
    await page.getByLabel('Doses from lot 1').fill('4');
    await page.getByLabel('Repeat').selectOption('1');
    await page.getByLabel('Number of days').fill('3');
    await page.getByRole('button', { name: 'Plan a day' }).click();
    await page.getByRole('heading', { name: '3 days planned' }).waitFor();
    await a11y.check('series planned');

    await page.goto(`${baseUrl}/staff/days`);
    await page.getByRole('button', { name: 'Week' }).click();
    const firstCell = page.locator(`td[data-date="${firstDate}"]`);
    for (let step = 0; step < 20 && (await firstCell.count()) === 0; step++) await page.getByRole('button', { name: 'Next week →' }).click();
    await firstCell.getByRole('link', { name: /13:00–14:00/ }).waitFor();
    await page.getByRole('button', { name: 'Next week →' }).click();
    await page.locator('td[data-date]').first().waitFor();
    expect(await page.getByRole('link', { name: /13:00–14:00/ }).count()).toBeGreaterThanOrEqual(1);
    await a11y.check('calendar');
    await context.close();
  });
});
