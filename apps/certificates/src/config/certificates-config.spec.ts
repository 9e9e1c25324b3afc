import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadCertificatesConfig } from './certificates-config';

const secret = () => randomBytes(32).toString('base64');

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadCertificatesConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadCertificatesConfig', () => {
  it('reads issuers, secrets and defaults', () => {
    const value = secret();
    const config = loadCertificatesConfig({
      CERTIFICATE_SECRETS: JSON.stringify({
        'https://acme.example.org': [
          { id: 'cs-2', secret: value },
          { id: 'cs-1', secret: secret() },
        ],
      }),
    });
    expect(config.port).toBe(8080);
    expect(config.rateLimitPerMinute).toBe(10);
    expect(config.jwksTtlMs).toBe(300_000);
    expect(config.trustedProxyHops).toBe(0);
    const secrets = config.issuers.get('https://acme.example.org');
    expect(secrets?.map((entry) => entry.id)).toEqual(['cs-2', 'cs-1']);
    expect(Buffer.from(secrets![0]!.secret).toString('base64')).toBe(value);
  });

  it('reports every problem by name and never a secret value', () => {
    const shortSecret = Buffer.from('too short').toString('base64');
    const problems = problemsOf({
      PORT: 'eighty',
      RATE_LIMIT_PER_MINUTE: '0',
      CERTIFICATE_SECRETS: JSON.stringify({
        'https://acme.example.org/': [{ id: 'cs-1', secret: shortSecret }],
        'https://globex.example.org': [{ id: 'cs-1', secret: secret() }],
        'ftp://initech.example.org': [],
      }),
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'PORT: must be a port number',
        expect.stringMatching(/^RATE_LIMIT_PER_MINUTE: /),
        expect.stringContaining('issuer "https://acme.example.org/" must be a plain URL without a trailing slash'),
        expect.stringContaining('"secret" must be base64 of at least 32 bytes'),
        expect.stringContaining('id "cs-1" is used twice'),
        expect.stringContaining('issuer "ftp://initech.example.org" must be an http(s) URL'),
      ]),
    );
    expect(problems.join('\n')).not.toContain(shortSecret);
  });

  it('requires the secrets, as JSON, and https issuers in production', () => {
    expect(problemsOf({})).toEqual([expect.stringMatching(/^CERTIFICATE_SECRETS: is required/)]);
    expect(problemsOf({ CERTIFICATE_SECRETS: '{not json' })).toEqual(['CERTIFICATE_SECRETS: is not valid JSON']);
    const plain = JSON.stringify({ 'http://acme.localhost:3000': [{ id: 'cs-1', secret: secret() }] });
    expect(problemsOf({ CERTIFICATE_SECRETS: plain })).toEqual([]);
    expect(problemsOf({ CERTIFICATE_SECRETS: plain, NODE_ENV: 'production' })).toEqual([
      'CERTIFICATE_SECRETS: issuer "http://acme.localhost:3000" must be https in production',
    ]);
  });

  it('reads where to fetch an issuer key set, only for configured issuers', () => {
    const secrets = JSON.stringify({ 'http://acme.localhost:8080': [{ id: 'acme-1', secret: secret() }] });
    const config = loadCertificatesConfig({
      CERTIFICATE_SECRETS: secrets,
      JWKS_URLS: JSON.stringify({ 'http://acme.localhost:8080': 'http://127.0.0.1:3101/.well-known/jwks.json' }),
    });
    expect(config.jwksUrls.get('http://acme.localhost:8080')).toBe('http://127.0.0.1:3101/.well-known/jwks.json');
    expect(problemsOf({ CERTIFICATE_SECRETS: secrets, JWKS_URLS: JSON.stringify({ 'http://evil.example': 'http://127.0.0.1/' }) })).toEqual([
      'JWKS_URLS: issuer "http://evil.example" is not in CERTIFICATE_SECRETS',
    ]);
    expect(problemsOf({ CERTIFICATE_SECRETS: secrets, JWKS_URLS: JSON.stringify({ 'http://acme.localhost:8080': 'file:///etc/passwd' }) })).toEqual([
      'JWKS_URLS: the key set URL of "http://acme.localhost:8080" must be a plain http(s) URL',
    ]);
  });

  it("merges each tenant's own CERTIFICATE_ISSUER_<SLUG> variable into the issuers and key set URLs", () => {
    const acme = {
      issuer: 'https://acme.example.org',
      jwksUrl: 'http://api.tenant-acme.svc.cluster.local/.well-known/jwks.json',
      secrets: [{ id: 'acme-1', secret: secret() }],
    };
    const globex = { issuer: 'https://globex.example.org', secrets: [{ id: 'globex-1', secret: secret() }] };
    const config = loadCertificatesConfig({ NODE_ENV: 'production', CERTIFICATE_ISSUER_ACME: JSON.stringify(acme), CERTIFICATE_ISSUER_GLOBEX: JSON.stringify(globex) });
    expect([...config.issuers.keys()]).toEqual(['https://acme.example.org', 'https://globex.example.org']);
    expect(config.issuers.get('https://globex.example.org')?.[0]?.id).toBe('globex-1');
    expect([...config.jwksUrls]).toEqual([['https://acme.example.org', acme.jwksUrl]]);
    const both = loadCertificatesConfig({
      CERTIFICATE_SECRETS: JSON.stringify({ 'https://initech.example.org': [{ id: 'i-1', secret: secret() }] }),
      CERTIFICATE_ISSUER_ACME: JSON.stringify(acme),
    });
    expect(both.issuers.size).toBe(2);
  });

  it('refuses a tenant variable that is no JSON object, has no issuer, repeats an issuer or reuses a secret id', () => {
    const acme = { issuer: 'https://acme.example.org', secrets: [{ id: 'acme-1', secret: secret() }] };
    expect(problemsOf({ CERTIFICATE_ISSUER_ACME: '[1]', CERTIFICATE_ISSUER_GLOBEX: JSON.stringify(acme) })).toEqual(['CERTIFICATE_ISSUER_ACME: is not a JSON object']);
    expect(problemsOf({ CERTIFICATE_ISSUER_ACME: JSON.stringify({ secrets: acme.secrets }) })).toEqual([
      'CERTIFICATE_ISSUER_ACME: needs "issuer", the tenant\'s public URL',
      expect.stringMatching(/^CERTIFICATE_SECRETS: must be an object/),
    ]);
    const again = { ...acme, secrets: [{ id: 'acme-2', secret: secret() }] };
    expect(problemsOf({ CERTIFICATE_ISSUER_ACME: JSON.stringify(acme), CERTIFICATE_ISSUER_ACME_TOO: JSON.stringify(again) })).toEqual([
      'CERTIFICATE_ISSUER_ACME_TOO: issuer "https://acme.example.org" is configured twice',
    ]);
    const sameId = { issuer: 'https://globex.example.org', secrets: acme.secrets };
    expect(problemsOf({ CERTIFICATE_ISSUER_ACME: JSON.stringify(acme), CERTIFICATE_ISSUER_GLOBEX: JSON.stringify(sameId) })).toEqual([
      expect.stringMatching(/id "acme-1" is used twice/),
    ]);
  });
});
