import type { BookingConfirmation, Lot, VaccinationDay, VaccineProduct, Site } from '@vaccinate/api-contracts';
import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkedContext, type AccessibilityWatch } from './support/accessibility';
import { launchBrowser } from './support/browser';
import { writeQrVideo } from './support/qr-video';
import { tenantApi } from './support/tenant-api';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Days are planned for the future; this one is moved so its first slot starts in ten minutes. */
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

describe('a vaccination day at the site', () => {
  const port = inject('gatewayPort');
  const origin = `http://globex.localhost:${port}`;
  const password = inject('demoStaffPasswords')['globex'] ?? '';
  const api = tenantApi('globex', port);
  let browser: Browser;
  let doctorToken: string;
  let lot: Lot;
  let booking: BookingConfirmation;
  let dayId: string;

  beforeAll(async () => {
    doctorToken = await api.signIn('doctor@globex.example', password);
    const site = (await api.get<Site[]>('/sites', doctorToken))[0] as Site;
    const comirnaty = (await api.get<VaccineProduct[]>('/vaccines', doctorToken)).find((vaccine) => vaccine.name === 'Comirnaty') as VaccineProduct;
    lot = await api.post<Lot>(
      '/lots',
      { productId: comirnaty.id, lotNumber: `E2E${randomUUID().slice(0, 6).toUpperCase()}`, expiryDate: inDays(200), dosesReceived: 20 },
      doctorToken,
    );
    const plan = (date: string, capacity: { first: number; followUp: number; booster: number }) =>
      api.post<VaccinationDay>(
        '/vaccination-days',
        { siteId: site.id, date, opensAt: '08:00', closesAt: '10:00', slotMinutes: 15, capacityPerSlot: capacity, lots: [{ lotId: lot.id, doses: 8 }] },
        doctorToken,
      );
    const today = await plan(inDays(1), { first: 2, followUp: 0, booster: 0 });
    const followUpDay = await plan(inDays(25), { first: 0, followUp: 2, booster: 0 });
    await startDaySoon(today.id);
    dayId = today.id;
    const booked = await api.call<BookingConfirmation>(
      'POST',
      '/bookings',
      {
        productId: comirnaty.id,
        doseKind: 'first',
        slotId: today.slots[0]?.id,
        followUpSlotId: followUpDay.slots[0]?.id,
        person: { givenName: 'Jonas', familyName: 'Impfling', email: `jonas.${randomUUID().slice(0, 8)}@globex.example`, birthDate: '1979-02-03' },
        captcha: await api.captcha(),
      },
      { 'idempotency-key': randomUUID() },
    );
    expect(booked.status).toBe(201);
    booking = booked.body;
    // Chromium plays this file as the tablet's camera: the booking confirmation's QR code held up to it.
    const video = join(await mkdtemp(join(tmpdir(), 'vaccinate-camera-')), 'booking-qr.y4m');
    await writeQrVideo(video, booking.bookingCode);
    browser = await launchBrowser(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`]);
  });
  afterAll(() => browser?.close());

  /** A signed-in staff tab whose every page is checked by axe (`a11y.check()` on each page it visits). */
  async function signedIn(email: string): Promise<{ context: { close: () => Promise<void> }; page: Page; a11y: AccessibilityWatch }> {
    const context = await checkedContext(browser, { locale: 'en-US', timezoneId: 'Europe/Berlin', permissions: ['camera'] });
    const { page, a11y } = await context.newPage();
    await page.goto(`${origin}/staff/sign-in`);
    await page.getByLabel('E-mail').waitFor();
    await a11y.check('sign-in');
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('Signed in as').waitFor();
    await a11y.check('signed in');
    return { context, page, a11y };
  }

  // Ten pages and states go through axe on a shared machine: more time than one plain journey.
  it(
    'checks a booked person in by QR code, takes their answers, has a flagged answer acknowledged, documents the dose and checks out early with a reason',
    { timeout: 150_000 },
    async () => {
      const assistant = await signedIn('assistant@globex.example');
      await assistant.page.goto(`${origin}/staff/days/${dayId}/board`);
      await assistant.page.getByText('Live: changes from other devices appear at once.').waitFor();
      await assistant.a11y.check('board');
      await assistant.page.getByRole('button', { name: 'Scan QR code' }).click();
      const confirm = assistant.page.getByRole('form', { name: 'Confirm identity' });
      await confirm.getByText('Jonas Impfling').waitFor();
      await confirm.getByLabel('Identity document').selectOption('id_card');
      await confirm.getByLabel('I have checked the identity against the document').check();
      await assistant.a11y.check('identity confirmation');
      await confirm.getByRole('button', { name: 'Check in' }).click();
      const status = assistant.page.getByRole('status').filter({ hasText: 'Jonas Impfling is checked in.' });
      await status.getByRole('link', { name: 'Open' }).click();

      await assistant.page.getByRole('heading', { name: 'Questions before vaccination' }).waitFor();
      await assistant.a11y.check('visit questions');
      for (const no of await assistant.page.getByRole('radio', { name: 'No' }).all()) await no.check();
      // One answer the questionnaire flags: the doctor must acknowledge it before the dose.
      await assistant.page.getByRole('radio', { name: 'Yes' }).first().check();
      await assistant.page.getByLabel('The person has been informed and consents to the vaccination').check();
      await assistant.page.getByRole('button', { name: 'Save answers' }).click();
      await assistant.page.getByText('Answers and consent saved.').waitFor();
      const visitUrl = assistant.page.url();
      expect(visitUrl).toMatch(/\/staff\/visits\/[0-9a-f-]{36}$/);
      expect(visitUrl).not.toContain('Impfling');
      await assistant.page.screenshot({ path: `${import.meta.dirname}/../test-results/visit-questions.png`, fullPage: true });

      const doctor = await signedIn('doctor@globex.example');
      await doctor.page.goto(visitUrl);
      const documentButton = doctor.page.getByRole('button', { name: 'Document vaccination' });
      await documentButton.waitFor();
      await doctor.a11y.check('visit before the acknowledgement');
      expect(await documentButton.isDisabled()).toBe(true);
      await doctor.page.getByRole('button', { name: 'I have looked at the flagged answers' }).click();
      await doctor.page.getByText(/^Acknowledged by /).waitFor();
      await doctor.page.getByLabel('Lot', { exact: true }).fill(lot.lotNumber.toLowerCase());
      await doctor.page.getByLabel('Injection site').selectOption('left_deltoid');
      await documentButton.click();
      await doctor.page.getByRole('timer').filter({ hasText: 'min left' }).waitFor();
      await doctor.a11y.check('observation');

      await doctor.page.getByLabel('Keep this appointment').check();
      await doctor.page.getByLabel('Reason for leaving before observation ends').fill('Feels well, a colleague walks back with them');
      await doctor.page.getByRole('button', { name: 'Check out' }).click();
      await doctor.page.getByText('Checked out.').waitFor();
      await doctor.a11y.check('checked out');
      await doctor.page.screenshot({ path: `${import.meta.dirname}/../test-results/visit-done.png`, fullPage: true });

      const after = (await api.get<Lot[]>('/lots', doctorToken)).find((candidate) => candidate.id === lot.id);
      expect(after?.dosesUsed).toBe(1);
      await assistant.page.goto(`${origin}/staff/days/${dayId}/board`);
      await assistant.page.getByRole('cell', { name: 'Done' }).waitFor();
      await assistant.a11y.check('board at the end');
      await assistant.context.close();
      await doctor.context.close();
    },
  );
});
