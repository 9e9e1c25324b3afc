import type { BoardEntry, Lot, Site, Vaccination, VaccinationDay, VaccineProduct, VisitDetail } from '@vaccinate/api-contracts';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readPdf } from '../apps/certificates/test/support/pdf-reader';
import { checkedContext } from './support/accessibility';
import { launchBrowser } from './support/browser';
import { writeQrVideo } from './support/qr-video';
import { tenantApi } from './support/tenant-api';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const ALL_NO = { fever_today: 'no', allergies: 'no', previous_reaction: 'no', pregnancy: 'no', blood_thinners: 'no', fainting: 'no' };

/**
 * Days are planned for the future; this one is moved so its first slot starts in ten minutes. Globex,
 * not acme: the booking journey expects acme's first free slot at 08:00.
 */
async function startDaySoon(dayId: string): Promise<void> {
  const url = new URL(inject('postgresAdminUrl'));
  url.pathname = '/tenant_globex';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(
      `WITH shift AS (SELECT date_trunc('minute', now()) + interval '10 minutes' - min(starts_at) AS delta FROM slot WHERE day_id = $1)
       UPDATE slot SET starts_at = starts_at + shift.delta, ends_at = ends_at + shift.delta FROM shift WHERE day_id = $1`,
      [dayId],
    );
    await client.query(`UPDATE vaccination_day d SET date = (SELECT (min(starts_at) AT TIME ZONE 'Europe/Berlin')::date FROM slot WHERE day_id = d.id) WHERE id = $1`, [
      dayId,
    ]);
  } finally {
    await client.end();
  }
}

interface CaughtMessage {
  id: string;
  to: string[];
  subject: string;
}

/** Polls the catcher for the `count`-th certificate mail to an address (the walk-in also gets a booking mail). */
async function nthCertificateMailTo(catcherUrl: string, address: string, count: number, timeoutMs = 30_000): Promise<{ subject: string; text: string }> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const messages = (await (await fetch(`${catcherUrl}api/messages`)).json()) as CaughtMessage[];
    const mine = messages.filter((message) => message.to.some((to) => to.includes(address)) && /vaccination certificate|Impfzertifikat/i.test(message.subject));
    const wanted = mine.sort((a, b) => Number(a.id) - Number(b.id))[count - 1];
    if (wanted) return (await (await fetch(`${catcherUrl}api/messages/${wanted.id}`)).json()) as { subject: string; text: string };
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`mail ${count} to ${address} did not arrive`);
}

describe('a vaccinated person gets their certificate', () => {
  const port = inject('gatewayPort');
  const origin = `http://globex.localhost:${port}`;
  const catcherUrl = inject('mailCatcherUrl');
  const api = tenantApi('globex', port);
  const holder = { givenName: 'Zoë Amélie', familyName: 'Großmann-Núñez', birthDate: '1984-02-29', email: `zoe.${randomUUID().slice(0, 8)}@globex.example` };
  let browser: Browser;
  let doctorToken: string;
  let vaccination: Vaccination;

  beforeAll(async () => {
    browser = await launchBrowser();
    doctorToken = await api.signIn('doctor@globex.example', inject('demoStaffPasswords')['globex'] ?? '');
    const site = (await api.get<Site[]>('/sites', doctorToken))[0] as Site;
    const comirnaty = (await api.get<VaccineProduct[]>('/vaccines', doctorToken)).find((vaccine) => vaccine.name === 'Comirnaty') as VaccineProduct;
    const lot = await api.post<Lot>(
      '/lots',
      { productId: comirnaty.id, lotNumber: `CERT${randomUUID().slice(0, 6).toUpperCase()}`, expiryDate: inDays(200), dosesReceived: 10 },
      doctorToken,
    );
    const day = await api.post<VaccinationDay>(
      '/vaccination-days',
      {
        siteId: site.id,
        date: inDays(1),
        opensAt: '08:00',
        closesAt: '10:00',
        slotMinutes: 15,
        capacityPerSlot: { first: 2, followUp: 0, booster: 0 },
        lots: [{ lotId: lot.id, doses: 4 }],
      },
      doctorToken,
    );
    await startDaySoon(day.id);
    // A walk-in, answered and documented through the API: the day's pages are another journey's test.
    const entry = await api.post<BoardEntry>(
      `/vaccination-days/${day.id}/walk-ins`,
      { person: holder, productId: comirnaty.id, identityChecked: true, identityDocument: 'id_card' },
      doctorToken,
    );
    const visit = await api.call<VisitDetail>(
      'PUT',
      `/visits/${entry.visitId}/answers`,
      { questionnaireVersion: 0, answers: ALL_NO, consent: true, version: 1 },
      { authorization: `Bearer ${doctorToken}` },
    );
    expect(visit.status).toBe(200);
    vaccination = await api.post<Vaccination>(
      `/visits/${entry.visitId}/vaccination`,
      { lotId: lot.id, injectionSite: 'left_deltoid', route: 'intramuscular', version: visit.body.version },
      doctorToken,
    );
  });
  afterAll(() => browser?.close());

  it('opens the mailed link, types their details, downloads the PDF, and its QR code verifies on the verify page', async () => {
    const mail = await nthCertificateMailTo(catcherUrl, holder.email, 1);
    // Globex writes to its people in German, its default language.
    expect(mail.subject).toBe('Ihr Impfzertifikat: Comirnaty, Dosis 1/2');
    const link = /http:\/\/globex\.localhost:\d+\/certificate#[A-Za-z0-9._=-]+/.exec(mail.text)?.[0];
    expect(link).toBeDefined();
    expect(link).not.toContain('?');
    // A short link (an opaque reference), not the several-thousand-character token.
    expect((link as string).length).toBeLessThan(120);

    const session = await checkedContext(browser, { locale: 'en-US', acceptDownloads: true });
    const { page, a11y } = await session.newPage();
    await page.goto(link as string);
    await page.getByRole('heading', { name: 'Your vaccination certificate' }).waitFor();
    expect(page.url()).toBe(`${origin}/certificate`);
    await a11y.check('certificate form');

    // A wrong birth date is refused with the one answer for every mismatch.
    await page.getByLabel('Family name').fill('grossmann-nunez');
    await page.getByLabel('Given name(s)').fill('ZOE AMELIE');
    await page.getByLabel('Date of birth').fill('1984-03-01');
    await page.getByRole('button', { name: 'Download certificate (PDF)' }).click();
    await page.getByRole('alert').filter({ hasText: 'These details do not match.' }).waitFor();
    await a11y.check('details refused');

    await page.getByLabel('Date of birth').fill(holder.birthDate);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download certificate (PDF)' }).click()]);
    expect(download.suggestedFilename()).toBe('vaccination-certificate.pdf');
    const pdf = await readFile((await download.path()) as string);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.getByText('Your certificate was downloaded as a PDF').waitFor();
    await a11y.check('downloaded');
    await page.screenshot({ path: `${import.meta.dirname}/../test-results/certificate-downloaded.png`, fullPage: true });

    // On a 320 px phone the .smart-health-card button stays inside its card.
    await page.setViewportSize({ width: 320, height: 700 });
    const card = await page
      .locator('.card')
      .filter({ has: page.getByRole('button', { name: /smart-health-card/ }) })
      .boundingBox();
    const button = await page.getByRole('button', { name: /smart-health-card/ }).boundingBox();
    expect(card && button ? button.x + button.width <= card.x + card.width : false).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await a11y.check('downloaded, 320 px');

    const { qrCodes, text, info } = await readPdf(pdf);
    expect(text).toContain('Großmann-Núñez');
    // A tagged PDF: its structure tree (headings, tables, QR figures with alternative text) is read by assistive technology.
    expect(info).toMatch(/Tagged:\s+yes/);
    const hc1 = qrCodes.find((code) => code.startsWith('HC1:'));
    const shc = qrCodes.find((code) => code.startsWith('shc:/'));
    expect(hc1).toBeDefined();
    expect(shc).toBeDefined();

    await page.goto(`${origin}/verify`);
    await page.getByLabel('Certificate code').fill(hc1 as string);
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    const result = page.getByTestId('verification-result');
    await result.getByText('Valid signature of Globex GmbH').waitFor();
    await result.getByText('Not revoked.').waitFor();
    await result.getByText('Comirnaty, dose 1/2').waitFor();
    await a11y.check('EU certificate verified');
    await page.screenshot({ path: `${import.meta.dirname}/../test-results/certificate-verified.png`, fullPage: true });

    await page.getByLabel('Certificate code').fill(shc as string);
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await result.getByRole('heading', { name: 'SMART Health Card' }).waitFor();
    await result.getByText('Valid signature of Globex GmbH').waitFor();
    await result.getByText('Not revoked.').waitFor();

    // A verifier holds the printed EU code up to the camera instead of pasting it.
    const video = join(await mkdtemp(join(tmpdir(), 'vaccinate-camera-')), 'hc1.y4m');
    await writeQrVideo(video, hc1 as string, 4);
    const camera = await launchBrowser(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`]);
    try {
      const scanning = await checkedContext(camera, { locale: 'en-US', permissions: ['camera'] });
      const { page: scanner, a11y: scannerA11y } = await scanning.newPage();
      await scanner.goto(`${origin}/verify`);
      await scanner.getByRole('button', { name: 'Scan with the camera' }).click();
      const scanned = scanner.getByTestId('verification-result');
      await scanned.getByText('Valid signature of Globex GmbH').waitFor();
      await scanned.getByText('Not revoked.').waitFor();
      await scannerA11y.check('scanned');
      await scanning.close();
    } finally {
      await camera.close();
    }

    // A correction revokes this certificate: the same QR code now shows as revoked, and a new mail arrives.
    const corrected = await api.call(
      'POST',
      `/vaccinations/${vaccination.id}/corrections`,
      { injectionSite: 'right_deltoid', reason: 'Arm mixed up on the form' },
      { authorization: `Bearer ${doctorToken}` },
    );
    expect(corrected.status).toBe(201);
    const second = await nthCertificateMailTo(catcherUrl, holder.email, 2);
    expect(second.text).toContain('Das bisherige Zertifikat ist widerrufen');
    await page.getByLabel('Certificate code').fill(hc1 as string);
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await result.getByText('Revoked: this certificate was replaced and is no longer valid.').waitFor();
    await page.getByLabel('Certificate code').fill(shc as string);
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await result.getByRole('heading', { name: 'SMART Health Card' }).waitFor();
    await result.getByText('Revoked: this certificate was replaced and is no longer valid.').waitFor();
    await a11y.check('revoked');
    await session.close();
  });
});
