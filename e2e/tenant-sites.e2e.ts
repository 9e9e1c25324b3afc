import type { Browser, Page } from 'playwright-core';
import { checkedContext, type AccessibilityWatch } from './support/accessibility';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './support/browser';

describe('each company on its own address', () => {
  let browser: Browser;
  const port = inject('gatewayPort');
  const url = (host: string, path = '/') => `http://${host}.localhost:${port}${path}`;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  const sessions: { close: () => Promise<void> }[] = [];
  afterAll(async () => {
    // Closing checks each tab's last page and that no visited page went unchecked.
    for (const session of sessions) await session.close();
    await browser?.close();
  });

  async function open(host: string, path = '/', locale = 'en-US'): Promise<Page & { a11y: AccessibilityWatch }> {
    const session = await checkedContext(browser, { locale });
    sessions.push(session);
    const { page, a11y } = await session.newPage();
    await page.goto(url(host, path));
    return Object.assign(page, { a11y });
  }

  it("shows acme's and globex's own names", async () => {
    const acme = await open('acme');
    await expect.poll(() => acme.getByTestId('tenant-name').textContent(), { timeout: 15_000 }).toBe('ACME Corporation');
    await expect.poll(() => acme.title(), { timeout: 15_000 }).toContain('ACME Corporation');
    const globex = await open('globex');
    await expect.poll(() => globex.getByTestId('tenant-name').textContent(), { timeout: 15_000 }).toBe('Globex GmbH');
    await acme.a11y.check('home');
    await globex.a11y.check('home');
    await acme.screenshot({ path: `${import.meta.dirname}/../test-results/acme-home.png`, fullPage: true });
  });

  it('tells an unknown address that there is no vaccination center there', async () => {
    const page = await open('initech');
    const notice = page.getByTestId('unknown-tenant');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/no vaccination center at this address/i);
    expect(await page.getByTestId('tenant-name').count()).toBe(0);
    await page.a11y.check('unknown address');
  });

  it("lets acme's admin sign in with the one-time password and choose a new one", async () => {
    const page = await open('acme', '/staff/sign-in');
    await page.getByLabel('E-mail').waitFor();
    await page.a11y.check('sign-in');
    await page.getByLabel('E-mail').fill('admin@acme.example');
    await page.getByLabel('Password', { exact: true }).fill(inject('oneTimePasswords')['acme'] ?? '');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByLabel('Current password').waitFor();
    await page.a11y.check('password change');
    await page.getByLabel('Current password').fill(inject('oneTimePasswords')['acme'] ?? '');
    await page.getByLabel('New password', { exact: true }).fill('a long and private passphrase');
    await page.getByLabel('Repeat new password').fill('a long and private passphrase');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Signed in as Administrator').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('tenant-name').textContent()).toBe('ACME Corporation');
    await page.a11y.check('signed in');
    await page.screenshot({ path: `${import.meta.dirname}/../test-results/acme-staff.png`, fullPage: true });
  });
});
