import type { StaffProfile } from '@vaccinate/api-contracts';
import { createServer, type Server } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { provisionTestTenant, startTestApi, type RunningApi } from '../support/tenant-fixture';

/** A minimal identity provider on loopback: discovery document and JWKS, like any OIDC issuer publishes. */
async function startIdentityProvider(publicKey: CryptoKey): Promise<{ issuer: string; server: Server }> {
  const jwk = { ...(await exportJWK(publicKey)), kid: 'idp-key-1', alg: 'RS256', use: 'sig' };
  const server = createServer((request, response) => {
    const issuer = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    response.setHeader('content-type', 'application/json');
    if (request.url === '/.well-known/openid-configuration') {
      response.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/jwks` }));
    } else if (request.url === '/jwks') {
      response.end(JSON.stringify({ keys: [jwk] }));
    } else {
      response.statusCode = 404;
      response.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { issuer: `http://127.0.0.1:${(server.address() as { port: number }).port}`, server };
}

describe("the tenant's own identity provider", () => {
  let api: RunningApi;
  let idp: { issuer: string; server: Server };
  let idpKey: CryptoKey;

  function idToken(claims: Record<string, unknown>, options: { audience?: string; key?: CryptoKey } = {}) {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'idp-key-1' })
      .setIssuer(idp.issuer)
      .setSubject('employee-4711')
      .setAudience(options.audience ?? 'vaccinate-acme')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(options.key ?? idpKey);
  }

  beforeAll(async () => {
    const keys = await generateKeyPair('RS256');
    idpKey = keys.privateKey;
    idp = await startIdentityProvider(keys.publicKey);
    api = await startTestApi(await provisionTestTenant(inject('postgresAdminUrl'), 'oidc'), {
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: 'vaccinate-acme',
      OIDC_ROLES_CLAIM: 'groups',
      OIDC_ROLE_MAP: 'occ-health-doctors:doctor,occ-health-staff:assistant',
    });
  });
  afterAll(async () => {
    await api?.close();
    idp?.server.close();
  });

  it('accepts its ID token and maps its groups to roles', async () => {
    const token = await idToken({ groups: ['occ-health-doctors', 'canteen'], email: 'dr.who@acme.example', name: 'Dr Who' });
    const me = await api.request('/api/auth/me', { token });
    expect(me.status).toBe(200);
    expect((await me.json()) as StaffProfile).toMatchObject({ id: 'oidc:employee-4711', roles: ['doctor'], displayName: 'Dr Who' });
    expect((await api.request('/api/people', { token })).status).toBe(200);
    expect((await api.request('/api/staff', { token })).status).toBe(403);
  });

  it('tells the sign-in page about the provider', async () => {
    expect(await (await api.request('/api/auth/config')).json()).toEqual({
      localSignIn: true,
      oidc: { issuer: idp.issuer, clientId: 'vaccinate-acme' },
    });
  });

  it('refuses a token for another client, one signed by another key, and one without a mapped group', async () => {
    const otherClient = await idToken({ groups: ['occ-health-doctors'] }, { audience: 'some-other-app' });
    expect((await api.request('/api/people', { token: otherClient })).status).toBe(401);
    const forgedKey = (await generateKeyPair('RS256')).privateKey;
    const forged = await idToken({ groups: ['occ-health-doctors'] }, { key: forgedKey });
    expect((await api.request('/api/people', { token: forged })).status).toBe(401);
    const noRole = await idToken({ groups: ['canteen'] });
    expect((await api.request('/api/people', { token: noRole })).status).toBe(403);
  });
});
