import type { LoginResponse, ProblemDetails, StaffMember, StaffSession } from '@vaccinate/api-contracts';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { OutboxWorker } from '../../src/modules/outbox/outbox.worker';
import { provisionTestTenant, rowsOf, staffToken, startTestApi, type RunningApi } from '../support/tenant-fixture';

interface SentMail {
  template: string;
  locale: string;
  to: { email: string; name: string };
  data: { linkUrl: string; expiresAt: string };
}

/** A mailer stand-in on loopback that records what it is sent. */
async function startFakeMailer(): Promise<{ url: string; server: Server; received: SentMail[] }> {
  const received: SentMail[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push(JSON.parse(body) as SentMail);
      response.writeHead(202, { 'content-type': 'application/json' }).end('{"messageId":"m1"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, server, received };
}

const PASSWORD = 'a long enough passphrase';

describe('staff accounts: invitation, deactivation, password reset, sessions', () => {
  let api: RunningApi;
  let other: RunningApi;
  let mailer: Awaited<ReturnType<typeof startFakeMailer>>;
  let admin: string;

  beforeAll(async () => {
    mailer = await startFakeMailer();
    const adminUrl = inject('postgresAdminUrl');
    [api, other] = await Promise.all([
      provisionTestTenant(adminUrl, 'staff').then((tenant) => startTestApi(tenant, { MAILER_URL: mailer.url, MAILER_API_KEY: 'k', TRUST_PROXY: 'true' })),
      provisionTestTenant(adminUrl, 'staff-other').then((tenant) => startTestApi(tenant)),
    ]);
    admin = await staffToken(api, ['admin']);
  });
  afterAll(async () => {
    await api?.close();
    await other?.close();
    mailer?.server.close();
  });

  /** A client address of its own per test, so one test's requests never count against another's limit. */
  const client = () => ({ 'x-forwarded-for': `10.${randomBytes(3).join('.')}` });
  const email = () => `staff-${randomBytes(4).toString('hex')}@staff.example`;

  async function mailTo(address: string, template: string): Promise<SentMail> {
    for (let attempt = 0; attempt < 50; attempt += 1) {
      await api.app.get(OutboxWorker).drain();
      const found = mailer.received.filter((mail) => mail.to.email === address && mail.template === template).at(-1);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no ${template} mail`);
  }

  const tokenOf = (mail: SentMail) => new URL(mail.data.linkUrl).hash.slice(1);

  const setPassword = (token: string, newPassword = PASSWORD) => api.request('/api/auth/password-link', { body: { token, newPassword }, headers: client() });

  const signIn = (address: string, password = PASSWORD) => api.request('/api/auth/login', { body: { email: address, password }, headers: client() });

  async function invite(address: string, roles = ['doctor'], locale?: 'de' | 'en'): Promise<StaffMember> {
    const response = await api.request('/api/staff/invitations', {
      token: admin,
      body: { email: address, displayName: 'Dr. Erika Muster', roles, ...(locale ? { locale } : {}) },
    });
    expect(response.status).toBe(201);
    return (await response.json()) as StaffMember;
  }

  it('invite → set the password through the link → sign in → deactivate: the token is refused at once', async () => {
    const address = email();
    const invited = await invite(address, ['doctor'], 'en');
    expect(invited).toMatchObject({ status: 'invited', roles: ['doctor'], locale: 'en', lastSignInAt: null });
    expect(invited.invitationExpiresAt).not.toBeNull();

    const mail = await mailTo(address, 'staff-invitation');
    expect(mail.locale).toBe('en');
    expect(mail.data.linkUrl).toMatch(new RegExp(`^${api.config.publicUrl}/staff/set-password#[A-Za-z0-9_-]{43}$`));
    // Not signed in before the password is set: the same answer as a wrong password.
    expect((await signIn(address, 'anything at all here')).status).toBe(401);

    expect((await setPassword(tokenOf(mail))).status).toBe(204);
    const signedIn = await signIn(address);
    expect(signedIn.status).toBe(200);
    const { accessToken } = (await signedIn.json()) as LoginResponse;
    expect((await api.request('/api/auth/me', { token: accessToken })).status).toBe(200);

    const deactivated = await api.request(`/api/staff/${invited.id}/deactivation`, { token: admin, method: 'POST' });
    expect(deactivated.status).toBe(200);
    expect(((await deactivated.json()) as StaffMember).status).toBe('deactivated');
    const refused = await api.request('/api/auth/me', { token: accessToken });
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as ProblemDetails).code).toBe('auth.invalid_token');
    expect((await signIn(address)).status).toBe(401);

    const audit = await rowsOf<{ action: string }>(api.tenant.databaseUrl, 'SELECT action FROM audit_event WHERE subject_id = $1 ORDER BY id', [invited.id]);
    expect(audit.map((event) => event.action)).toEqual(['staff_account.invite', 'staff_account.set_password', 'staff_account.deactivate']);
  });

  it('a link works once, a re-sent invitation replaces the earlier one, and an expired link is refused', async () => {
    const address = email();
    const invited = await invite(address);
    const first = tokenOf(await mailTo(address, 'staff-invitation'));
    expect((await api.request(`/api/staff/${invited.id}/invitation`, { token: admin, method: 'POST' })).status).toBe(200);
    const second = tokenOf(await mailTo(address, 'staff-invitation'));
    expect(second).not.toBe(first);

    const superseded = await setPassword(first);
    expect(superseded.status).toBe(410);
    expect(((await superseded.json()) as ProblemDetails).errors?.map((error) => error.field)).toEqual(['token']);

    await rowsOf(api.tenant.databaseUrl, "UPDATE staff_link_token SET expires_at = now() - interval '1 second' WHERE account_id = $1 AND used_at IS NULL", [invited.id]);
    expect((await setPassword(second)).status).toBe(410);

    expect((await api.request(`/api/staff/${invited.id}/invitation`, { token: admin, method: 'POST' })).status).toBe(200);
    const third = tokenOf(await mailTo(address, 'staff-invitation'));
    expect((await setPassword(third)).status).toBe(204);
    expect((await setPassword(third, 'another long passphrase')).status).toBe(410);
    // Accepted: nothing more to re-send.
    expect((await api.request(`/api/staff/${invited.id}/invitation`, { token: admin, method: 'POST' })).status).toBe(409);
  });

  it('answers a reset request the same for unknown addresses, and the reset link ends every session', async () => {
    const address = email();
    const invited = await invite(address);
    expect((await setPassword(tokenOf(await mailTo(address, 'staff-invitation')))).status).toBe(204);
    const { accessToken } = (await (await signIn(address)).json()) as LoginResponse;

    const known = await api.request('/api/auth/password-reset', { body: { email: address }, headers: client() });
    const unknown = await api.request('/api/auth/password-reset', { body: { email: email() }, headers: client() });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(await known.json()).toEqual(await unknown.json());

    const reset = await mailTo(address, 'password-reset');
    expect(Date.parse(reset.data.expiresAt) - Date.now()).toBeLessThanOrEqual(30 * 60_000);
    expect((await setPassword(tokenOf(reset), 'my brand new passphrase')).status).toBe(204);
    expect((await api.request('/api/auth/me', { token: accessToken })).status).toBe(401);
    expect((await signIn(address)).status).toBe(401);
    expect((await signIn(address, 'my brand new passphrase')).status).toBe(200);
    const audit = await rowsOf<{ action: string }>(api.tenant.databaseUrl, 'SELECT action FROM audit_event WHERE subject_id = $1 ORDER BY id', [invited.id]);
    expect(audit.map((event) => event.action)).toContain('staff_account.request_reset');
  });

  it('throttles reset requests per client with 429 and Retry-After', async () => {
    const headers = client();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1) {
      const response = await api.request('/api/auth/password-reset', { body: { email: email() }, headers });
      statuses.push(response.status);
      if (response.status === 429) {
        expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(response.headers.get('content-type')).toMatch(/problem\+json/);
      }
    }
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
  });

  it('lets staff list and end their own sessions, not anyone else’s', async () => {
    const address = email();
    await invite(address, ['assistant']);
    expect((await setPassword(tokenOf(await mailTo(address, 'staff-invitation')))).status).toBe(204);
    const first = ((await (await signIn(address)).json()) as LoginResponse).accessToken;
    const second = ((await (await signIn(address)).json()) as LoginResponse).accessToken;
    const sessions = (await (await api.request('/api/auth/sessions', { token: second })).json()) as StaffSession[];
    expect(sessions).toHaveLength(2);
    const firstSession = sessions.find((session) => !session.current);
    expect(firstSession).toBeDefined();
    expect((await api.request(`/api/auth/sessions/${firstSession?.id}`, { token: admin, method: 'DELETE' })).status).toBe(404);
    expect((await api.request('/api/auth/me', { token: first })).status).toBe(200);
    expect((await api.request(`/api/auth/sessions/${firstSession?.id}`, { token: second, method: 'DELETE' })).status).toBe(204);
    expect((await api.request('/api/auth/me', { token: first })).status).toBe(401);
    expect((await api.request('/api/auth/logout', { token: second, method: 'POST' })).status).toBe(204);
    expect((await api.request('/api/auth/me', { token: second })).status).toBe(401);
  });

  it('applies a role change from the next request, and keeps the last admin', async () => {
    const address = email();
    const invited = await invite(address, ['assistant']);
    expect((await setPassword(tokenOf(await mailTo(address, 'staff-invitation')))).status).toBe(204);
    const token = ((await (await signIn(address)).json()) as LoginResponse).accessToken;
    expect((await api.request('/api/staff', { token })).status).toBe(403);
    const changed = await api.request(`/api/staff/${invited.id}/roles`, { token: admin, method: 'PUT', body: { roles: ['admin'] } });
    expect(changed.status).toBe(200);
    expect((await api.request('/api/staff', { token })).status).toBe(200);

    const members = (await (await api.request('/api/staff', { token: admin })).json()) as StaffMember[];
    const admins = members.filter((member) => member.status === 'active' && member.roles.includes('admin'));
    // Demote all but one admin; the last one keeps the role and stays active.
    for (const member of admins.slice(1)) {
      expect((await api.request(`/api/staff/${member.id}/roles`, { token: admin, method: 'PUT', body: { roles: ['doctor'] } })).status).toBe(200);
    }
    const last = admins[0]?.id ?? '';
    const tokenOfLast = last === invited.id ? token : admin;
    const kept = await api.request(`/api/staff/${last}/roles`, { token: tokenOfLast, method: 'PUT', body: { roles: ['doctor'] } });
    expect(kept.status).toBe(409);
    expect(((await kept.json()) as ProblemDetails).code).toBe('staff.last_admin');
    expect((await api.request(`/api/staff/${last}/deactivation`, { token: tokenOfLast, method: 'POST' })).status).toBe(409);
  });

  it('refuses bad input with a field list, and another tenant refuses this tenant’s token', async () => {
    const bad = await api.request('/api/staff/invitations', { token: admin, body: { email: 'not-an-address', displayName: '', roles: ['nurse'] } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ProblemDetails).errors?.map((error) => error.field).sort()).toEqual(['displayName', 'email', 'roles.0']);
    expect((await api.request('/api/staff/not-a-uuid/deactivation', { token: admin, method: 'POST' })).status).toBe(400);
    expect((await setPassword('short')).status).toBe(400);

    expect((await other.request('/api/auth/me', { token: admin })).status).toBe(401);
    expect((await other.request('/api/auth/sessions', { token: admin })).status).toBe(401);
  });

  it('never writes a link token or an address to the log or the database in plain text', async () => {
    const address = email();
    await invite(address);
    const token = tokenOf(await mailTo(address, 'staff-invitation'));
    expect(api.logs.join('\n')).not.toContain(token);
    expect(api.logs.join('\n')).not.toContain(address);
    const rows = await rowsOf<{ token_hash: string }>(api.tenant.databaseUrl, 'SELECT token_hash FROM staff_link_token');
    expect(rows.map((row) => row.token_hash)).not.toContain(token);
  });
});

describe('staff accounts on a tenant whose staff sign in through an identity provider', () => {
  let api: RunningApi;
  let admin: string;

  beforeAll(async () => {
    const tenant = await provisionTestTenant(inject('postgresAdminUrl'), 'staff-oidc');
    // Nothing here asks the provider for its keys: an address that answers nothing is enough.
    api = await startTestApi(tenant, { OIDC_ISSUER: 'http://127.0.0.1:9/idp', OIDC_CLIENT_ID: 'vaccinate-staff-oidc' });
    admin = await staffToken(api, ['admin']);
  });
  afterAll(() => api?.close());

  it('invites without a password or a link, and refuses a password reset with a clear problem', async () => {
    const response = await api.request('/api/staff/invitations', {
      token: admin,
      body: { email: 'oidc.doctor@staff.example', displayName: 'Dr. Oidc', roles: ['doctor'] },
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ status: 'active', invitationExpiresAt: null });
    expect(await rowsOf(api.tenant.databaseUrl, 'SELECT 1 FROM staff_link_token')).toEqual([]);
    expect(await rowsOf(api.tenant.databaseUrl, "SELECT 1 FROM outbox_message WHERE kind LIKE 'mail:staff-%'")).toEqual([]);

    const reset = await api.request('/api/auth/password-reset', { body: { email: 'oidc.doctor@staff.example' } });
    expect(reset.status).toBe(409);
    expect(((await reset.json()) as ProblemDetails).code).toBe('auth.password_managed_elsewhere');
  });
});
