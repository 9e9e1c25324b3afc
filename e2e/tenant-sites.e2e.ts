import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './support/browser';

describe('each company on its own address', () => {
  let browser: Browser;
  const port = inject('gatewayPort');
  const url = (host: string, path = '/') => `http://${host}.localhost:${port}${path}`;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  async function open(host: string, path = '/', locale = 'en-US'): Promise<Page> {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await page.goto(url(host, path));
    return page;
  }

  it("shows acme's and globex's own names", async () => {
    const acme = await open('acme');
    await expect.poll(() => acme.getByTestId('tenant-name').textContent(), { timeout: 15_000 }).toBe('ACME Corporation');
    await expect.poll(() => acme.title(), { timeout: 15_000 }).toContain('ACME Corporation');
    const globex = await open('globex');
    await expect.poll(() => globex.getByTestId('tenant-name').textContent(), { timeout: 15_000 }).toBe('Globex GmbH');
    await acme.screenshot({ path: `${import.meta.dirname}/../test-results/acme-home.png`, fullPage: true });
  });

  it('tells an unknown address that there is no vaccination center there', async () => {
    const page = await open('initech');
    const notice = page.getByTestId('unknown-tenant');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/no vaccination center at this address/i);
    expect(await page.getByTestId('tenant-name').count()).toBe(0);
  });

  it("lets acme's admin sign in with the one-time password and choose a new one", async () => {
    const page = await open('acme', '/staff/sign-in');
    await page.getByLabel('E-mail').fill('admin@acme.example');
    await page.getByLabel('Password', { exact: true }).fill(inject('oneTimePasswords')['acme'] ?? '');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByLabel('Current password').fill(inject('oneTimePasswords')['acme'] ?? '');
    await page.getByLabel('New password', { exact: true }).fill('a long and private passphrase');
    await page.getByLabel('Repeat new password').fill('a long and private passphrase');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Signed in as Administrator').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('tenant-name').textContent()).toBe('ACME Corporation');
    await page.screenshot({ path: `${import.meta.dirname}/../test-results/acme-staff.png`, fullPage: true });
  });
});
