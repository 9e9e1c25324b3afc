import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type TestWebServer } from '../apps/web/nginx/test-web-server';
import { launchBrowser } from './support/browser';

/**
 * The built web app behind the production nginx configuration, in Chromium: its
 * Content-Security-Policy must let the app do everything it does and report no violation.
 */
describe('the production web server in a browser', () => {
  const dist = join(import.meta.dirname, '..', 'apps', 'web', 'dist');
  let server: TestWebServer;
  let browser: Browser;

  beforeAll(async () => {
    const acme = {
      slug: 'acme',
      displayName: 'ACME Corporation',
      domains: ['acme.localhost'],
      apiBaseUrl: '/api',
      branding: { primaryColor: '#0b5fff', accentColor: '#ffb000' },
      defaultLocale: 'en',
    };
    server = await startWebServer(dist, { acme });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    server?.stop();
  });

  it('runs the app, its styles and its captcha worker without a CSP violation', async () => {
    const page = await browser.newPage();
    const reports: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) reports.push(message.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { violations: string[] }).violations ??= [];
        (window as unknown as { violations: string[] }).violations.push(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    const response = await page.goto(`http://acme.localhost:${server.port}/`);
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await expect.poll(() => page.getByTestId('tenant-name').textContent(), { timeout: 15_000 }).toBe('ACME Corporation');
    expect(await page.evaluate(() => [...document.styleSheets].reduce((rules, sheet) => rules + sheet.cssRules.length, 0))).toBeGreaterThan(10);
    const worker = readdirSync(join(dist, 'assets')).find((name) => /^captcha\.worker-.*\.js$/.test(name));
    expect(worker).toBeDefined();
    const started = await page.evaluate(
      (url) =>
        new Promise<string>((resolve) => {
          const w = new Worker(url, { type: 'module' });
          w.onerror = () => resolve('refused');
          setTimeout(() => resolve('running'), 1_000);
        }),
      `/assets/${worker}`,
    );
    expect(started).toBe('running');
    // An inline script, which the policy must refuse: proof that the checks above could fail.
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.body.append(script);
    });
    await expect.poll(() => page.evaluate(() => (window as unknown as { violations?: string[] }).violations ?? [])).toEqual([expect.stringMatching(/^script-src/)]);
    expect(await page.evaluate(() => (window as unknown as { inlineRan?: boolean }).inlineRan)).toBeUndefined();
    expect(reports.filter((text) => !/inline/i.test(text))).toEqual([]);
  });
});
