import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { join } from 'node:path';
import { startMailCatcher, type CaughtMessage, type MailCatcher } from '@vaccinate/mail-catcher';
import type { ManagedBooking } from '@vaccinate/api-contracts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { book, createCatalogue, createDay, inDays, person, type Catalogue } from '../support/booking-fixture';
import { provisionTestTenant, staffToken, startTestApi, type RunningApi } from '../support/tenant-fixture';
import { freePort } from '../support/test-postgres';
import { eventually, register } from '../support/waiting-list-fixture';

const MAILER_MAIN = join(__dirname, '..', '..', '..', 'mailer', 'dist', 'main.js');

function attachmentText(message: CaughtMessage, filename: string): string {
  const attachment = message.attachments.find((candidate) => candidate.filename === filename);
  if (!attachment) throw new Error(`no ${filename} in the mail`);
  return attachment.content.toString('utf8');
}

/** The real mailer on real SMTP (the local catcher): what a person's inbox would hold. */
describe("every mail in the person's language", () => {
  let api: RunningApi;
  let catcher: MailCatcher;
  let mailer: ChildProcess;
  let doctor: string;
  let catalogue: Catalogue;

  beforeAll(async () => {
    catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
    const mailerKey = randomBytes(24).toString('base64url');
    const mailerPort = await freePort();
    mailer = spawn(process.execPath, [MAILER_MAIN], {
      env: {
        PATH: process.env['PATH'] ?? '',
        PORT: String(mailerPort),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        MAIL_FROM: 'no-reply@vaccinate.example',
        SMTP_URL: `smtp://127.0.0.1:${catcher.smtpPort}`,
        MAILER_API_KEY: mailerKey,
      },
      stdio: 'ignore',
    });
    await eventually(async () => (await fetch(`http://127.0.0.1:${mailerPort}/health/ready`).catch(() => undefined))?.ok === true, 100);
    // The tenant's default is English: German can only come from the person.
    api = await startTestApi(await provisionTestTenant(inject('postgresAdminUrl'), 'language'), {
      CAPTCHA_MAX_NUMBER: '100',
      DEFAULT_LOCALE: 'en',
      MAILER_URL: `http://127.0.0.1:${mailerPort}`,
      MAILER_API_KEY: mailerKey,
    });
    doctor = await staffToken(api, ['doctor']);
    catalogue = await createCatalogue(api, doctor);
  }, 180_000);
  afterAll(async () => {
    await api?.close();
    if (mailer && mailer.exitCode === null) {
      mailer.kill('SIGTERM');
      await once(mailer, 'exit');
    }
    await catcher?.stop();
  });

  it('a German booking gets a German confirmation and .ics; after choosing English on the manage page, the next mail is English', async () => {
    const lot = catalogue.comirnatyLot.id;
    const first = await createDay(api, doctor, { siteId: catalogue.site.id, date: inDays(12), lots: [{ lotId: lot, doses: 20 }] });
    const second = await createDay(api, doctor, { siteId: catalogue.site.id, date: inDays(33), lots: [{ lotId: lot, doses: 20 }] });
    const someone = person({ givenName: 'Jürgen', familyName: 'Müller' });
    const booked = await book(api, {
      productId: catalogue.comirnaty.id,
      doseKind: 'first',
      slotId: first.slots[0]?.id ?? '',
      followUpSlotId: second.slots[0]?.id ?? '',
      person: someone,
      locale: 'de',
    });
    expect(booked.status).toBe(201);

    const confirmation = await catcher.waitForMessage((message) => message.to.includes(someone.email), 60_000);
    expect(confirmation.subject).toBe(`Buchungsbestätigung: Comirnaty, Buchung ${booked.body.bookingCode}`);
    expect(confirmation.text).toContain('Hallo Jürgen Müller,');
    const ics = attachmentText(confirmation, 'vaccination.ics');
    expect(ics).toContain('SUMMARY:Impfung (Dosis 1): Comirnaty');
    expect(ics).toContain('SUMMARY:Impfung (Dosis 2): Comirnaty');

    const headers = { 'x-manage-token': booked.body.manageToken };
    const current = (await (await api.request('/api/bookings/current', { headers })).json()) as ManagedBooking;
    expect(current.locale).toBe('de');
    const calendar = await (await api.request('/api/bookings/current/calendar.ics', { headers })).text();
    expect(calendar).toContain('SUMMARY:Impfung (Dosis 1): Comirnaty');

    const changed = await api.request('/api/bookings/current/locale', { method: 'PUT', headers, body: { locale: 'en' } });
    expect(changed.status).toBe(200);
    expect(((await changed.json()) as ManagedBooking).locale).toBe('en');
    expect(await (await api.request('/api/bookings/current/calendar.ics', { headers })).text()).toContain('SUMMARY:Vaccination (dose 1): Comirnaty');

    expect((await api.request('/api/bookings/current/cancel', { method: 'POST', headers, body: {} })).status).toBe(200);
    const cancelled = await catcher.waitForMessage((message) => message.to.includes(someone.email) && message.id !== confirmation.id, 60_000);
    expect(cancelled.subject).toBe(`Appointment cancelled: Comirnaty, booking ${booked.body.bookingCode}`);
  }, 120_000);

  it('refuses a language it does not speak with a field problem', async () => {
    const response = await api.request('/api/bookings/current/locale', { method: 'PUT', headers: { 'x-manage-token': 'x'.repeat(40) }, body: { locale: 'fr' } });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(JSON.stringify(await response.json())).toContain('locale');
  });

  it('registering on the waiting list sends the tracking code and the status link, in the language of the page', async () => {
    const someone = person({ givenName: 'Wanda' });
    const trackingCode = await register(api, { person: someone, locale: 'de' });
    const receipt = await catcher.waitForMessage((message) => message.to.includes(someone.email), 60_000);
    expect(receipt.subject).toBe(`Sie stehen auf der Warteliste: Code ${trackingCode}`);
    expect(receipt.text).toContain(`Ihr Anmeldecode: ${trackingCode}`);
    expect(receipt.text).toContain(`${api.config.publicUrl}/registration/status#${trackingCode}`);
  }, 120_000);
});
