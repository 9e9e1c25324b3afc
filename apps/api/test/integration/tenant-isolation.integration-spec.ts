import type { ProblemDetails } from '@vaccinate/api-contracts';
import { createLocalJWKSet, jwtVerify, SignJWT, type JWK } from 'jose';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { publishedKey, tenantAudience } from '../../src/modules/auth/token.service';
import { provisionTestTenant, staffToken, startTestApi, type RunningApi } from '../support/tenant-fixture';

describe('tenant isolation', () => {
  let acme: RunningApi;
  let globex: RunningApi;

  beforeAll(async () => {
    const adminUrl = inject('postgresAdminUrl');
    [acme, globex] = await Promise.all([
      provisionTestTenant(adminUrl, 'acme').then((t) => startTestApi(t)),
      provisionTestTenant(adminUrl, 'globex').then((t) => startTestApi(t)),
    ]);
  });
  afterAll(async () => {
    await acme?.close();
    await globex?.close();
  });

  it("refuses acme's database role a connection to globex's database", async () => {
    const acmeRoleOnGlobex = new URL(acme.tenant.databaseUrl);
    acmeRoleOnGlobex.pathname = new URL(globex.tenant.databaseUrl).pathname;
    const client = new pg.Client({ connectionString: acmeRoleOnGlobex.toString() });
    await expect(client.connect()).rejects.toThrow(/permission denied for database/);
    // The same role reaches its own database: the refusal is the revoke, not a broken role.
    const own = new pg.Client({ connectionString: acme.tenant.databaseUrl });
    await own.connect();
    expect((await own.query('SELECT current_user AS role')).rows[0]).toEqual({ role: `tenant_${acme.tenant.slug.replace(/-/g, '_')}` });
    await own.end();
  });

  it("refuses an acme admin's token on globex, and accepts it on acme", async () => {
    const token = await staffToken(acme, ['admin']);
    expect((await acme.request('/api/people', { token })).status).toBe(200);
    const refused = await globex.request('/api/people', { token });
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as ProblemDetails).code).toBe('auth.invalid_token');
  });

  it("publishes its own staff-token key at /api/auth/keys, which verifies its tokens and not the other tenant's", async () => {
    const jwks = (await (await acme.request('/api/auth/keys')).json()) as { keys: JWK[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(jwks.keys[0]).not.toHaveProperty('d');
    const keySet = createLocalJWKSet(jwks);
    const token = await staffToken(acme, ['assistant']);
    expect((await jwtVerify(token, keySet)).payload.sub).toBeTruthy();
    await expect(jwtVerify(await staffToken(globex, ['assistant']), keySet)).rejects.toThrow();
  });

  it('refuses a token signed with the right key but issued for another tenant', async () => {
    const forged = await new SignJWT({ roles: ['admin'], mcp: false })
      .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid: await accessTokenKid(acme) })
      .setSubject('00000000-0000-4000-8000-000000000000')
      .setIssuer(acme.config.publicUrl)
      .setAudience(tenantAudience(globex.tenant.slug))
      .setExpirationTime('5m')
      .sign(acme.config.accessTokenKeys.current.privateKey);
    expect((await acme.request('/api/people', { token: forged })).status).toBe(401);
  });

  it('refuses an expired token and a token with a flipped signature byte', async () => {
    const expired = await new SignJWT({ roles: ['admin'], mcp: false })
      .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid: await accessTokenKid(acme) })
      .setSubject('00000000-0000-4000-8000-000000000000')
      .setIssuer(acme.config.publicUrl)
      .setAudience(tenantAudience(acme.tenant.slug))
      .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(acme.config.accessTokenKeys.current.privateKey);
    expect((await acme.request('/api/people', { token: expired })).status).toBe(401);
    const valid = await staffToken(acme, ['assistant']);
    const flipped = valid.slice(0, -3) + (valid.at(-3) === 'A' ? 'B' : 'A') + valid.slice(-2);
    expect((await acme.request('/api/people', { token: flipped })).status).toBe(401);
  });
});

async function accessTokenKid(api: RunningApi): Promise<string> {
  return (await publishedKey(api.config.accessTokenKeys.current)).kid;
}
