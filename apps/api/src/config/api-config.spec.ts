import { X509Certificate, generateKeyPairSync, randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { FieldKeyRing } from '@vaccinate/field-encryption';
import {
  API_ENVIRONMENT_VARIABLES,
  createCertificateAuthority,
  generateSigningKey,
  generateTenantSecrets,
  issueDocumentSigner,
  type TenantSecrets,
} from '@vaccinate/tenant-provisioning';
import { API_CONFIG_VARIABLE_NAMES, ConfigError, loadApiConfig } from './api-config';

let secrets: TenantSecrets;
let valid: Record<string, string>;

beforeAll(async () => {
  secrets = await generateTenantSecrets({ slug: 'acme' });
  valid = {
    TENANT_SLUG: 'acme',
    PUBLIC_URL: 'https://acme.vaccinate.example/',
    DATABASE_URL: 'postgres://tenant_acme:pw@db:5432/tenant_acme',
    FIELD_KEYS: FieldKeyRing.generateKey('v1'),
    FIELD_KEY_CURRENT: 'v1',
    ACCESS_TOKEN_KEYS: secrets.accessTokenKeys,
    ACCESS_TOKEN_KEY_CURRENT: 'v1',
    CERTIFICATE_SIGNING_KEYS: secrets.certificateSigningKeys,
    CERTIFICATE_SIGNING_KEY_CURRENT: 'v1',
    CERTIFICATE_SIGNER_CERTIFICATES: secrets.certificateSignerCertificates,
    CERTIFICATE_CSCA: secrets.certificateCsca,
    CERTIFICATE_SECRET: randomBytes(32).toString('base64'),
  };
});

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
  it('reads only variables the chart and the local launcher declare, and every one they declare', () => {
    expect([...API_CONFIG_VARIABLE_NAMES].sort()).toEqual(API_ENVIRONMENT_VARIABLES.map((variable) => variable.name).sort());
  });

  it('applies defaults and normalises the public URL', () => {
    const config = loadApiConfig(valid);
    expect(config).toMatchObject({ port: 3000, host: '0.0.0.0', publicUrl: 'https://acme.vaccinate.example', oidc: null });
    expect(config.database).toEqual({ url: valid.DATABASE_URL, poolMax: 10, ssl: 'disable' });
  });

  it('publishes no slot feed unless the tenant opts in, and reads its state hint', () => {
    expect(loadApiConfig(valid).schedulingLinks).toBeNull();
    expect(loadApiConfig({ ...valid, SCHEDULING_LINKS: 'on' }).schedulingLinks).toEqual({ state: [] });
    expect(loadApiConfig({ ...valid, SCHEDULING_LINKS: 'on', SCHEDULING_LINKS_STATE: 'BE,BB' }).schedulingLinks).toEqual({ state: ['BE', 'BB'] });
    expect(problemsOf({ ...valid, SCHEDULING_LINKS: 'yes', SCHEDULING_LINKS_STATE: 'be' }).map((problem) => problem.split(':')[0])).toEqual([
      'SCHEDULING_LINKS',
      'SCHEDULING_LINKS_STATE',
    ]);
  });

  it('reports every missing variable by name in one go', () => {
    expect(problemsOf({})).toEqual(
      expect.arrayContaining([
        'TENANT_SLUG: is required',
        'PUBLIC_URL: is required',
        'DATABASE_URL: is required',
        'FIELD_KEYS: is required',
        'FIELD_KEY_CURRENT: is required',
        'ACCESS_TOKEN_KEYS: is required',
        'CERTIFICATE_SIGNING_KEYS: is required',
        'CERTIFICATE_CSCA: is required',
        'CERTIFICATE_SECRET: is required',
      ]),
    );
  });

  it('refuses a signing key of the wrong curve and an OIDC issuer without client id', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
    expect(problemsOf({ ...valid, ACCESS_TOKEN_KEYS: `v1:${rsa}`, OIDC_ISSUER: 'https://login.acme.example' })).toEqual([
      'ACCESS_TOKEN_KEYS: key v1 must be a P-256 private key (PKCS#8 DER) or public key (SPKI DER), base64',
    ]);
    expect(problemsOf({ ...valid, OIDC_ISSUER: 'https://login.acme.example' })).toEqual(['OIDC_CLIENT_ID: is required when OIDC_ISSUER is set']);
    expect(problemsOf({ ...valid, OIDC_ISSUER: 'https://l.example', OIDC_CLIENT_ID: 'x', OIDC_ROLE_MAP: 'a:root' })).toEqual([
      'OIDC_ROLE_MAP: must be group:role pairs with roles admin, doctor or assistant',
    ]);
  });

  it('names the certificate secret after the tenant, so secret ids are unique across tenants', () => {
    const config = loadApiConfig(valid);
    expect(config.certificates.secret.id).toBe('acme-1');
    expect(config.certificates.secret.secret).toHaveLength(32);
    expect(config.certificates.country).toBe('DE');
    expect(problemsOf({ ...valid, CERTIFICATE_SECRET: randomBytes(16).toString('base64'), CERTIFICATE_SECRET_ID: 'globex-1', CERTIFICATE_COUNTRY: 'de' })).toEqual([
      'CERTIFICATE_COUNTRY: must be an ISO 3166-1 alpha-2 code such as DE',
    ]);
    expect(problemsOf({ ...valid, CERTIFICATE_SECRET: randomBytes(16).toString('base64'), CERTIFICATE_SECRET_ID: 'globex-1' })).toEqual([
      'CERTIFICATE_SECRET: must be base64 of at least 32 random bytes',
      'CERTIFICATE_SECRET_ID: must start with the tenant slug and a dash',
    ]);
    expect(loadApiConfig({ ...valid, CERTIFICATE_SECRET_ID: 'acme-2026' }).certificates.secret.id).toBe('acme-2026');
  });

  it("reads phone numbers in the holiday region's country, Germany unless the tenant sets another", () => {
    expect(loadApiConfig(valid).phoneRegion).toBe('DE');
    expect(loadApiConfig({ ...valid, HOLIDAY_REGION: 'DE-BY' }).phoneRegion).toBe('DE');
    expect(loadApiConfig({ ...valid, HOLIDAY_REGION: 'at-9' })).toMatchObject({ holidayRegion: 'AT-9', phoneRegion: 'AT' });
    expect(loadApiConfig({ ...valid, HOLIDAY_REGION: 'CH-ZH' }).phoneRegion).toBe('CH');
    expect(problemsOf({ ...valid, HOLIDAY_REGION: 'XX' })).toEqual(['HOLIDAY_REGION: must be a country or country-state code such as DE or DE-BE']);
  });

  it('names the vaccinating doctor on certificates only when the tenant sets CERTIFICATE_VACCINATOR_NAME=on', () => {
    expect(loadApiConfig(valid).certificates.namesVaccinator).toBe(false);
    expect(loadApiConfig({ ...valid, CERTIFICATE_VACCINATOR_NAME: 'on' }).certificates.namesVaccinator).toBe(true);
    expect(problemsOf({ ...valid, CERTIFICATE_VACCINATOR_NAME: 'yes' })[0]).toMatch(/^CERTIFICATE_VACCINATOR_NAME: /);
  });

  it('accepts an OIDC issuer with a role map, keeping the issuer exactly as given', () => {
    const config = loadApiConfig({ ...valid, OIDC_ISSUER: 'https://idp.example/', OIDC_CLIENT_ID: 'app', OIDC_ROLE_MAP: 'docs:doctor' });
    expect(config.oidc?.issuer).toBe('https://idp.example/');
    expect([...(config.oidc?.roleMap ?? [])]).toEqual([['docs', 'doctor']]);
  });

  it('sends texts only to the log unless a provider is named, and then asks for its account', () => {
    expect(loadApiConfig(valid).sms).toEqual({ provider: 'log' });
    expect(problemsOf({ ...valid, SMS_PROVIDER: 'vonage', SMS_FROM: 'A sender id that is too long' }).map((problem) => problem.split(':')[0])).toEqual(['SMS_FROM']);
    expect(problemsOf({ ...valid, SMS_PROVIDER: 'vonage' }).map((problem) => problem.split(':')[0])).toEqual([
      'SMS_FROM',
      'SMS_ACCOUNT_ID',
      'SMS_AUTH_SECRET',
      'SMS_SIGNATURE_SECRET',
    ]);
    const twilio = { SMS_PROVIDER: 'twilio', SMS_FROM: '+4930555000', SMS_ACCOUNT_ID: 'AC1', SMS_AUTH_SECRET: 'token', SMS_BASE_URL: 'http://127.0.0.1:4010/' };
    expect(loadApiConfig({ ...valid, ...twilio }).sms).toEqual({
      provider: 'twilio',
      from: '+4930555000',
      accountSid: 'AC1',
      authToken: 'token',
      baseUrl: 'http://127.0.0.1:4010',
    });
  });
});

describe('signing keys', () => {
  it('keeps staff tokens and certificates on different keys, each with its DSC-derived parts', () => {
    const config = loadApiConfig(valid);
    expect(config.accessTokenKeys.current.publicKey.equals(config.certificateKeys.current.publicKey)).toBe(false);
    expect(config.certificateKeys.current.signerCertificate?.checkIssued(config.certificateAuthority)).toBe(true);
  });

  it('refuses the single key of earlier versions with a pointer to the new variables, never echoing it', () => {
    const legacy = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const problems = problemsOf({ ...valid, ACCESS_TOKEN_KEYS: undefined, TOKEN_SIGNING_KEY: legacy });
    expect(problems).toEqual([
      'TOKEN_SIGNING_KEY: is no longer read; staff tokens and certificates have their own keys now (ACCESS_TOKEN_KEYS, CERTIFICATE_SIGNING_KEYS), see docs/signing-keys.md',
      'ACCESS_TOKEN_KEYS: is required',
    ]);
    expect(problems.join('\n')).not.toContain(legacy.slice(30, 60));
  });

  it('names a malformed key by variable and id, never by value', () => {
    const problems = problemsOf({ ...valid, ACCESS_TOKEN_KEYS: 'v1:bm90LWEta2V5', CERTIFICATE_SIGNING_KEYS: 'no-separator' });
    expect(problems).toEqual([
      'ACCESS_TOKEN_KEYS: key v1 must be a P-256 private key (PKCS#8 DER) or public key (SPKI DER), base64',
      'CERTIFICATE_SIGNING_KEYS: entry 1 must be <id>:<base64 DER> with a lower-case id such as v1',
    ]);
    expect(problems.join('\n')).not.toContain('bm90LWEta2V5');
  });

  it('accepts a retired public key beside the current one, and refuses a current key that cannot sign', () => {
    const retired = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
    const config = loadApiConfig({ ...valid, ACCESS_TOKEN_KEYS: `${secrets.accessTokenKeys},v0:${retired}` });
    expect(config.accessTokenKeys.keys.map((key) => [key.id, key.privateKey !== null])).toEqual([
      ['v1', true],
      ['v0', false],
    ]);
    expect(problemsOf({ ...valid, ACCESS_TOKEN_KEYS: `${secrets.accessTokenKeys},v0:${retired}`, ACCESS_TOKEN_KEY_CURRENT: 'v0' })).toEqual([
      'ACCESS_TOKEN_KEYS: the current key v0 must be a private key',
    ]);
    expect(problemsOf({ ...valid, ACCESS_TOKEN_KEY_CURRENT: 'v9' })).toEqual(['ACCESS_TOKEN_KEY_CURRENT: names no key of ACCESS_TOKEN_KEYS']);
  });

  it('refuses one key for both purposes', () => {
    expect(problemsOf({ ...valid, ACCESS_TOKEN_KEYS: secrets.certificateSigningKeys })).toEqual([
      'CERTIFICATE_SIGNING_KEYS: must not share its current key with ACCESS_TOKEN_KEYS, nor hold theirs',
    ]);
  });

  it('refuses a DSC that is missing, for another key, from another CSCA or of another country', async () => {
    const otherKey = generateSigningKey();
    const otherAuthority = await createCertificateAuthority({ country: 'DE', commonName: 'other CSCA' });
    const foreign = await issueDocumentSigner(otherAuthority, secrets.certificateSigningKeys.slice(3), { country: 'DE', commonName: 'x' });
    const austrian = await issueDocumentSigner(otherAuthority, secrets.certificateSigningKeys.slice(3), { country: 'AT', commonName: 'x' });
    const forOtherKey = await issueDocumentSigner(otherAuthority, otherKey, { country: 'DE', commonName: 'x' });
    expect(problemsOf({ ...valid, CERTIFICATE_SIGNER_CERTIFICATES: '' })).toEqual([
      'CERTIFICATE_SIGNER_CERTIFICATES: the current certificate key v1 has no Document Signer Certificate',
    ]);
    expect(problemsOf({ ...valid, CERTIFICATE_SIGNER_CERTIFICATES: `v1:${forOtherKey}` })).toEqual([
      'CERTIFICATE_SIGNER_CERTIFICATES: the certificate of v1 is not for that key',
    ]);
    expect(problemsOf({ ...valid, CERTIFICATE_SIGNER_CERTIFICATES: `v1:${foreign}` })).toEqual([
      'CERTIFICATE_SIGNER_CERTIFICATES: the certificate of v1 is not issued by CERTIFICATE_CSCA',
    ]);
    expect(problemsOf({ ...valid, CERTIFICATE_SIGNER_CERTIFICATES: `v1:${austrian}`, CERTIFICATE_CSCA: otherAuthority.certificate })).toEqual([
      'CERTIFICATE_SIGNER_CERTIFICATES: the certificate of v1 is not of CERTIFICATE_COUNTRY',
    ]);
    const lapsed = await issueDocumentSigner(
      otherAuthority,
      secrets.certificateSigningKeys.slice(3),
      { country: 'DE', commonName: 'x' },
      2,
      new Date(Date.now() - 3 * 365 * 86_400_000),
    );
    const lapsedOn = new X509Certificate(Buffer.from(lapsed, 'base64')).validTo;
    expect(problemsOf({ ...valid, CERTIFICATE_SIGNER_CERTIFICATES: `v1:${lapsed}`, CERTIFICATE_CSCA: otherAuthority.certificate })).toEqual([
      `CERTIFICATE_SIGNER_CERTIFICATES: the certificate of the current key v1 expired on ${new Date(lapsedOn).toISOString()}; rotate to a key with a valid DSC (docs/signing-keys.md)`,
    ]);
    const early = new Date(Date.now() + 30 * 86_400_000);
    const notYet = await issueDocumentSigner(otherAuthority, secrets.certificateSigningKeys.slice(3), { country: 'DE', commonName: 'x' }, 2, early);
    expect(problemsOf({ ...valid, CERTIFICATE_SIGNER_CERTIFICATES: `v1:${notYet}`, CERTIFICATE_CSCA: otherAuthority.certificate })).toEqual([
      `CERTIFICATE_SIGNER_CERTIFICATES: the certificate of the current key v1 is valid only from ${new Date(Math.floor(early.getTime() / 1000) * 1000).toISOString()}; rotate to a key with a valid DSC (docs/signing-keys.md)`,
    ]);
    // An operator's DSC from another (national) CSCA is accepted once that CSCA is configured.
    expect(
      loadApiConfig({ ...valid, CERTIFICATE_SIGNER_CERTIFICATES: `v1:${foreign}`, CERTIFICATE_CSCA: otherAuthority.certificate }).certificateAuthority.subject,
    ).toContain('other CSCA');
  });
});
