import type { Announcement, ProblemDetails } from '@vaccinate/api-contracts';
import { startSmsCatcher, type CaughtText, type SmsCatcher } from '@vaccinate/sms-catcher';
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createCatalogue, person, type Catalogue } from '../support/booking-fixture';
import { joinStandby, newSite } from '../support/standby-fixture';
import { provisionTestTenant, rowsOf, staffToken, startTestApi, type RunningApi } from '../support/tenant-fixture';
import { register } from '../support/waiting-list-fixture';

/** As typed by a person: German, without the country code; the API reads it as +49 151 23456789. */
const TYPED_NUMBER = '0151 2345 6789';
const E164_NUMBER = '+4915123456789';

interface Setup {
  api: RunningApi;
  assistant: string;
  site: { id: string; name: string };
}

/** A tenant whose API sends text messages with `sms`, one standby member with a phone number, and a site. */
async function setUp(prefix: string, sms: Record<string, string>): Promise<Setup & { catalogue: Catalogue }> {
  const api = await startTestApi(await provisionTestTenant(inject('postgresAdminUrl'), prefix), { CAPTCHA_MAX_NUMBER: '200', ...sms });
  const doctor = await staffToken(api, ['doctor']);
  const assistant = await staffToken(api, ['assistant']);
  const catalogue = await createCatalogue(api, doctor);
  const site = await newSite(api, doctor, `SMS ${prefix}`);
  const someone = person();
  const trackingCode = await register(api, { person: someone });
  const joined = await joinStandby(api, { trackingCode, birthDate: someone.birthDate, siteIds: [site.id], phone: TYPED_NUMBER });
  expect(joined.status).toBe(201);
  return { api, assistant, site, catalogue };
}

async function announce(setup: Setup & { catalogue: Catalogue }): Promise<string> {
  const response = await setup.api.request('/api/standby/announcements', {
    token: setup.assistant,
    body: { siteId: setup.site.id, productId: setup.catalogue.jcovden.id, doses: 1, availableUntil: new Date(Date.now() + 3_600_000).toISOString() },
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function smsCounts(setup: Setup, announcementId: string): Promise<Announcement['sms'] | undefined> {
  const response = await setup.api.request('/api/standby/announcements', { token: setup.assistant });
  return ((await response.json()) as Announcement[]).find((announcement) => announcement.id === announcementId)?.sms;
}

function expectNothingPersonalLogged(api: RunningApi, text: string): void {
  const logs = api.logs.join('');
  expect(logs).not.toContain(E164_NUMBER);
  expect(logs).not.toContain(E164_NUMBER.slice(1));
  expect(logs).not.toContain(text);
}

interface SmsColumns {
  id: string;
  sms_provider: string | null;
  sms_message_id: string | null;
  sms_status: string | null;
}

async function smsColumns(setup: Setup): Promise<SmsColumns[]> {
  return rowsOf<SmsColumns>(setup.api.tenant.databaseUrl, 'SELECT id, sms_provider, sms_message_id, sms_status FROM standby_offer ORDER BY id');
}

/**
 * Announces with the provider's answer to the send held back until its "delivered" report has been
 * answered by the API: the report comes before the API learns the message id.
 */
async function announceWithDeliveryFirst(setup: Setup & { catalogue: Catalogue }, catcher: SmsCatcher): Promise<{ announcementId: string; text: CaughtText }> {
  catcher.clear();
  catcher.holdAnswers(true);
  try {
    const announcing = announce(setup);
    const text = await catcher.waitForText(() => true);
    expect((await catcher.report(text, 'delivered', { origin: setup.api.baseUrl })).status).toBe(204);
    return { announcementId: await announcing, text };
  } finally {
    catcher.holdAnswers(false);
  }
}

/** The one text the provider took, held back so each test reports its status itself. */
function onlyText(catcher: SmsCatcher): CaughtText {
  const texts = catcher.texts();
  expect(texts).toHaveLength(1);
  const [text] = texts;
  if (!text) throw new Error('no text');
  return text;
}

describe('standby offers by SMS through Twilio', () => {
  const account = { sid: `AC${'0'.repeat(31)}1`, authToken: 'twilio-test-auth-token' };
  let twilio: SmsCatcher;
  let setup: Setup & { catalogue: Catalogue };

  beforeAll(async () => {
    twilio = await startSmsCatcher({ port: 0, twilio: [account], deliverAfterMs: null });
    setup = await setUp('smstwilio', {
      SMS_PROVIDER: 'twilio',
      SMS_FROM: '+4930555000',
      SMS_ACCOUNT_ID: account.sid,
      SMS_AUTH_SECRET: account.authToken,
      SMS_BASE_URL: twilio.url,
    });
  });
  afterAll(async () => {
    await setup?.api.close();
    await twilio?.stop();
  });

  it('sends the offer from the tenant number to the E.164 number and stores the delivery Twilio reports', async () => {
    const announcementId = await announce(setup);
    const text = onlyText(twilio);
    const [offer] = await rowsOf<{ id: string }>(setup.api.tenant.databaseUrl, 'SELECT id FROM standby_offer WHERE announcement_id = $1', [announcementId]);
    // The offer id goes along in the callback URL, which Twilio signs whole.
    expect(text).toMatchObject({
      provider: 'twilio',
      to: E164_NUMBER,
      from: '+4930555000',
      callbackUrl: `${setup.api.config.publicUrl}/api/sms/twilio/status?offer=${offer?.id}`,
    });
    expect(text.text).toMatch(new RegExp(`^Jcovden: SMS smstwilio\\. ${setup.api.config.publicUrl}/standby/offer#[A-Za-z0-9_-]{43}$`));
    expect(await smsCounts(setup, announcementId)).toEqual({ sent: 1, delivered: 0, failed: 0 });

    // Through the API's port, as the reverse proxy in front of PUBLIC_URL would route it.
    const route = { origin: setup.api.baseUrl };
    expect((await twilio.report(text, 'delivered', route)).status).toBe(204);
    // A late "sent" does not undo the delivery.
    expect((await twilio.report(text, 'sent', route)).status).toBe(204);
    expect(await smsCounts(setup, announcementId)).toEqual({ sent: 0, delivered: 1, failed: 0 });
    const [row] = await rowsOf<{ sms_status: string; sms_status_at: Date; sms_message_id: string }>(
      setup.api.tenant.databaseUrl,
      'SELECT sms_status, sms_status_at, sms_message_id FROM standby_offer WHERE announcement_id = $1',
      [announcementId],
    );
    expect(row).toMatchObject({ sms_status: 'delivered', sms_message_id: text.messageId });
    expect(row?.sms_status_at).toBeInstanceOf(Date);
    expectNothingPersonalLogged(setup.api, text.text);
  });

  it('refuses a callback without signature (401) or with a wrong one (403), as problem+json, and stores nothing', async () => {
    const text = onlyText(twilio);
    const unsigned = await twilio.report(text, 'failed', { origin: setup.api.baseUrl, signature: null });
    expect(unsigned.status).toBe(401);
    const forged = await twilio.report(text, 'failed', { origin: setup.api.baseUrl, signature: 'c2lnbmVkIGJ5IHNvbWVib2R5IGVsc2U=' });
    expect(forged.status).toBe(403);
    expect(forged.contentType).toContain('application/problem+json');
    expect((JSON.parse(forged.body) as ProblemDetails).code).toBe('sms.bad_signature');
    const [row] = await rowsOf<{ sms_status: string }>(setup.api.tenant.databaseUrl, 'SELECT sms_status FROM standby_offer WHERE sms_message_id = $1', [text.messageId]);
    expect(row?.sms_status).toBe('delivered');
  });

  it('refuses a number that does not exist with a field problem', async () => {
    const someone = person();
    const trackingCode = await register(setup.api, { person: someone });
    const refused = await joinStandby(setup.api, { trackingCode, birthDate: someone.birthDate, phone: '+49 12' });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as ProblemDetails).errors?.map((problem) => problem.field)).toEqual(['phone']);
  });

  it('stores a delivery reported before the send is answered, found by the offer id in the callback URL, and the answer does not undo it', async () => {
    const { announcementId, text } = await announceWithDeliveryFirst(setup, twilio);
    const [row] = await rowsOf<SmsColumns>(
      setup.api.tenant.databaseUrl,
      'SELECT id, sms_provider, sms_message_id, sms_status FROM standby_offer WHERE announcement_id = $1',
      [announcementId],
    );
    expect(text.callbackUrl).toBe(`${setup.api.config.publicUrl}/api/sms/twilio/status?offer=${row?.id}`);
    expect(row).toMatchObject({ sms_provider: 'twilio', sms_message_id: text.messageId, sms_status: 'delivered' });
    expect(await smsCounts(setup, announcementId)).toEqual({ sent: 0, delivered: 1, failed: 0 });
  });

  it('answers a signed callback for an offer id it does not know 204 and changes nothing; an id that is not one is a field problem', async () => {
    const [text] = twilio.texts();
    if (!text) throw new Error('no text');
    const before = await smsColumns(setup);
    const statusUrl = `${setup.api.config.publicUrl}/api/sms/twilio/status`;
    const stranger = { ...text, messageId: `SM${randomBytes(16).toString('hex')}`, callbackUrl: `${statusUrl}?offer=${randomUUID()}` };
    expect((await twilio.report(stranger, 'failed', { origin: setup.api.baseUrl })).status).toBe(204);
    // A known offer named with a message it was not sent as is not taken over either.
    const [offer] = before;
    const mismatched = { ...stranger, callbackUrl: `${statusUrl}?offer=${offer?.id}` };
    expect((await twilio.report(mismatched, 'failed', { origin: setup.api.baseUrl })).status).toBe(204);
    expect(await smsColumns(setup)).toEqual(before);

    const bad = await twilio.report({ ...stranger, callbackUrl: `${statusUrl}?offer=not-an-id` }, 'failed', { origin: setup.api.baseUrl });
    expect(bad.status).toBe(400);
    expect(bad.contentType).toContain('application/problem+json');
    expect((JSON.parse(bad.body) as ProblemDetails).errors?.map((problem) => problem.field)).toEqual(['offer']);
    expect(await smsColumns(setup)).toEqual(before);
  });
});

describe('standby offers by SMS through Vonage', () => {
  const account = { apiKey: 'abcd1234', apiSecret: 'vonage-test-api-secret', signatureSecret: 'vonage-test-signature-secret' };
  let vonage: SmsCatcher;
  let setup: Setup & { catalogue: Catalogue };

  beforeAll(async () => {
    vonage = await startSmsCatcher({ port: 0, vonage: [account], deliverAfterMs: null });
    setup = await setUp('smsvonage', {
      SMS_PROVIDER: 'vonage',
      SMS_FROM: 'Impfzentrum',
      SMS_ACCOUNT_ID: account.apiKey,
      SMS_AUTH_SECRET: account.apiSecret,
      SMS_SIGNATURE_SECRET: account.signatureSecret,
      SMS_BASE_URL: vonage.url,
    });
  });
  afterAll(async () => {
    await setup?.api.close();
    await vonage?.stop();
  });

  it('sends the offer under the sender id and stores a failed delivery from a signed receipt; a forged or replayed receipt is refused', async () => {
    const announcementId = await announce(setup);
    const text = onlyText(vonage);
    // The catcher keeps the number in E.164; it refuses one sent with the plus, as Vonage does.
    expect(text).toMatchObject({ provider: 'vonage', to: E164_NUMBER, from: 'Impfzentrum', callbackUrl: `${setup.api.config.publicUrl}/api/sms/vonage/receipts` });
    expect(text.text).toMatch(new RegExp(`^Jcovden: SMS smsvonage\\. ${setup.api.config.publicUrl}/standby/offer#`));
    const [offer] = await rowsOf<{ id: string }>(setup.api.tenant.databaseUrl, 'SELECT id FROM standby_offer WHERE announcement_id = $1', [announcementId]);
    expect(text.reference).toBe(offer?.id);

    const route = { origin: setup.api.baseUrl };
    const forged = await vonage.report(text, 'delivered', { ...route, signature: 'F'.repeat(64) });
    expect(forged.status).toBe(403);
    expect(forged.contentType).toContain('application/problem+json');
    // Signed rightly, but six minutes ago: a receipt recorded on the way and posted again.
    const replayed = await vonage.report(text, 'delivered', { ...route, signedAt: new Date(Date.now() - 6 * 60_000) });
    expect(replayed.status).toBe(403);
    expect(replayed.contentType).toContain('application/problem+json');
    expect((JSON.parse(replayed.body) as ProblemDetails).code).toBe('sms.stale_receipt');
    expect(await smsCounts(setup, announcementId)).toEqual({ sent: 1, delivered: 0, failed: 0 });

    expect((await vonage.report(text, 'failed', route)).status).toBe(204);
    expect(await smsCounts(setup, announcementId)).toEqual({ sent: 0, delivered: 0, failed: 1 });
    expectNothingPersonalLogged(setup.api, text.text);
  });

  it('stores a delivery reported before the send is answered, found by the client-ref, and the answer does not undo it', async () => {
    const { announcementId, text } = await announceWithDeliveryFirst(setup, vonage);
    const [row] = await rowsOf<SmsColumns>(
      setup.api.tenant.databaseUrl,
      'SELECT id, sms_provider, sms_message_id, sms_status FROM standby_offer WHERE announcement_id = $1',
      [announcementId],
    );
    expect(text.reference).toBe(row?.id);
    expect(row).toMatchObject({ sms_provider: 'vonage', sms_message_id: text.messageId, sms_status: 'delivered' });
    expect(await smsCounts(setup, announcementId)).toEqual({ sent: 0, delivered: 1, failed: 0 });
  });

  it('answers a signed receipt for an offer id it does not know 204 and changes nothing; nor one whose client-ref another system chose', async () => {
    const [text] = vonage.texts();
    if (!text) throw new Error('no text');
    const before = await smsColumns(setup);
    const stranger = { ...text, messageId: randomBytes(8).toString('hex').toUpperCase(), reference: randomUUID() };
    expect((await vonage.report(stranger, 'failed', { origin: setup.api.baseUrl })).status).toBe(204);
    expect(await smsColumns(setup)).toEqual(before);

    // Another system sending from the same account chose its own reference: acknowledged, nothing changed.
    const foreign = await vonage.report({ ...stranger, reference: 'invoice-2026-0042' }, 'failed', { origin: setup.api.baseUrl });
    expect(foreign.status).toBe(204);
    expect(await smsColumns(setup)).toEqual(before);
  });

  it('answers 404 on the route of the provider the tenant does not use', async () => {
    const response = await setup.api.request('/api/sms/twilio/status', { body: { MessageSid: 'SM1', MessageStatus: 'delivered' } });
    expect(response.status).toBe(404);
  });

  it('reads forms on the callback routes only', async () => {
    const form = await fetch(`${setup.api.baseUrl}/api/standby/offers/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'token=abc',
    });
    expect(form.status).toBe(415);
    expect(form.headers.get('content-type')).toContain('application/problem+json');
  });
});
