import type { PersonExport } from '@vaccinate/api-contracts';
import type { DataAccessMailRequest } from '@vaccinate/mail-contracts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { outboxFields } from '../../src/database/encrypted-fields';
import { captchaSolution, randomClientIp } from '../support/booking-fixture';
import { tenantSql } from '../support/day-run-fixture';
import { provisionTestTenant, staffToken, startTestApi, type RunningApi } from '../support/tenant-fixture';

const known = { givenName: 'Adelgunde', familyName: 'Vogelsang', email: 'adelgunde.v@acme.example', birthDate: '1970-01-15' };

describe('a person asks for their own data', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startTestApi(await provisionTestTenant(inject('postgresAdminUrl'), 'access'), { CAPTCHA_MAX_NUMBER: '200' });
    const doctor = await staffToken(api, ['doctor']);
    expect((await api.request('/api/people', { token: doctor, body: known })).status).toBe(201);
  });
  afterAll(() => api?.close());

  async function ask(email: string, birthDate: string): Promise<{ status: number; contentType: string | null; body: string }> {
    const ip = randomClientIp();
    const response = await api.request('/api/privacy/access-requests', {
      body: { email, birthDate, captcha: await captchaSolution(api, ip) },
      headers: { 'x-forwarded-for': ip },
    });
    return { status: response.status, contentType: response.headers.get('content-type'), body: await response.text() };
  }

  async function accessMails(): Promise<Omit<DataAccessMailRequest, 'tenant'>[]> {
    const rows = await tenantSql<{ payload_encrypted: string }>(api, `SELECT payload_encrypted FROM outbox_message WHERE kind = 'mail:data-access-link' ORDER BY id`);
    return rows.map((row) => JSON.parse(outboxFields.payload.decrypt(api.config.fieldKeys, row.payload_encrypted)) as Omit<DataAccessMailRequest, 'tenant'>);
  }

  it('answers the same for an unknown person, a wrong birth date and a match, and mails only the match', async () => {
    const unknown = await ask('nobody.here@acme.example', '1970-01-15');
    const wrongBirthDate = await ask(known.email, '1970-01-16');
    expect(await accessMails()).toEqual([]);
    expect(await tenantSql(api, 'SELECT 1 FROM data_access_link')).toEqual([]);
    const match = await ask(known.email.toUpperCase(), known.birthDate);
    expect(unknown).toEqual({ status: 202, contentType: expect.stringContaining('application/json'), body: '{"accepted":true}' });
    expect(wrongBirthDate).toEqual(unknown);
    expect(match).toEqual(unknown);
    const mails = await accessMails();
    expect(mails).toHaveLength(1);
    expect(mails[0]?.to.email).toBe(known.email.toUpperCase());
    expect(new URL(mails[0]!.data.accessUrl).search).toBe('');
  });

  it('opens the data once through the mailed link, then never again', async () => {
    const [mail] = await accessMails();
    const token = /#token=([A-Za-z0-9_-]{43})$/.exec(mail!.data.accessUrl)?.[1];
    expect(token).toBeDefined();
    const stored = await tenantSql<{ token_hash: string }>(api, 'SELECT token_hash FROM data_access_link');
    expect(stored.map((row) => row.token_hash)).not.toContain(token);

    const first = await api.request('/api/privacy/access-links', { body: { token } });
    expect(first.status).toBe(200);
    const data = (await first.json()) as PersonExport;
    expect(data.profile).toMatchObject(known);
    expect(data.accessLog.map((event) => event.action)).toContain('person.create');
    const again = await api.request('/api/privacy/access-links', { body: { token } });
    expect(again.status).toBe(404);
    expect(((await again.json()) as { code: string }).code).toBe('privacy.link_invalid');
  });

  it('refuses an expired link and a made-up one alike', async () => {
    await ask(known.email, known.birthDate);
    const mails = await accessMails();
    const token = /#token=([A-Za-z0-9_-]{43})$/.exec(mails[mails.length - 1]!.data.accessUrl)?.[1];
    await tenantSql(api, `UPDATE data_access_link SET expires_at = now() - interval '1 minute' WHERE used_at IS NULL`);
    expect((await api.request('/api/privacy/access-links', { body: { token } })).status).toBe(404);
    expect((await api.request('/api/privacy/access-links', { body: { token: 'A'.repeat(43) } })).status).toBe(404);
    expect((await api.request('/api/privacy/access-links', { body: { token: 'short' } })).status).toBe(400);
  });
});
