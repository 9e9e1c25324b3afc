import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FieldKeyRing } from '@vaccinate/field-encryption';
import { ConfigError, loadApiConfig } from './api-config';

const signingKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
const valid = {
  TENANT_SLUG: 'acme',
  PUBLIC_URL: 'https://acme.vaccinate.example/',
  DATABASE_URL: 'postgres://tenant_acme:pw@db:5432/tenant_acme',
  FIELD_KEYS: FieldKeyRing.generateKey('v1'),
  FIELD_KEY_CURRENT: 'v1',
  TOKEN_SIGNING_KEY: signingKey,
};

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    loadApiConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe('loadApiConfig', () => {
  it('applies defaults and normalises the public URL', () => {
    const config = loadApiConfig(valid);
    expect(config).toMatchObject({ port: 3000, host: '0.0.0.0', publicUrl: 'https://acme.vaccinate.example', oidc: null });
    expect(config.database).toEqual({ url: valid.DATABASE_URL, poolMax: 10, ssl: 'disable' });
  });

  it('reports every missing variable by name in one go', () => {
    expect(problemsOf({})).toEqual(
      expect.arrayContaining([
        'TENANT_SLUG: is required',
        'PUBLIC_URL: is required',
        'DATABASE_URL: is required',
        'FIELD_KEYS: is required',
        'FIELD_KEY_CURRENT: is required',
        'TOKEN_SIGNING_KEY: is required',
      ]),
    );
  });

  it('refuses a signing key of the wrong curve and an OIDC issuer without client id', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    expect(problemsOf({ ...valid, TOKEN_SIGNING_KEY: rsa, OIDC_ISSUER: 'https://login.acme.example' })).toEqual([
      'TOKEN_SIGNING_KEY: must be an ES256 (P-256) private key',
    ]);
    expect(problemsOf({ ...valid, OIDC_ISSUER: 'https://login.acme.example' })).toEqual([
      'OIDC_CLIENT_ID: is required when OIDC_ISSUER is set',
    ]);
    expect(problemsOf({ ...valid, OIDC_ISSUER: 'https://l.example', OIDC_CLIENT_ID: 'x', OIDC_ROLE_MAP: 'a:root' })).toEqual([
      'OIDC_ROLE_MAP: must be group:role pairs with roles admin, doctor or assistant',
    ]);
  });

  it('accepts an OIDC issuer with a role map, keeping the issuer exactly as given', () => {
    const config = loadApiConfig({ ...valid, OIDC_ISSUER: 'https://idp.example/', OIDC_CLIENT_ID: 'app', OIDC_ROLE_MAP: 'docs:doctor' });
    expect(config.oidc?.issuer).toBe('https://idp.example/');
    expect([...(config.oidc?.roleMap ?? [])]).toEqual([['docs', 'doctor']]);
  });
});
