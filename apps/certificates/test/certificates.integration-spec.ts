import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { verifyHc1 } from '@vaccinate/eu-dcc';
import { FhirBundle } from '@vaccinate/api-contracts';
import type { Bundle, Immunization } from '@vaccinate/fhir';
import { r4SchemaErrors } from '@vaccinate/fhir/r4-schema';
import { SMART_HEALTH_CARD_MEDIA_TYPE, qrTextToJws, verifyHealthCardJws } from '@vaccinate/smart-health-card';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CertificatesConfig } from '../src/config/certificates-config';
import { startCertificates, type RunningCertificates } from '../src/certificates';
import type { JSONWebKeySet } from '../src/certificate/issuer-key-set.cache';
import { HOLDER, createTestIssuer, flipCiphertextByte, issueTestToken, type TestIssuer } from './support/certificate-issuer.fixture';
import { httpRequest, postJson, type HttpAnswer } from './support/http-client';
import { LogCapture } from './support/log-capture';
import { readPdf } from './support/pdf-reader';
import { readStructureTree } from './support/pdf-structure';

const ACME = 'https://acme.vaccinate.example';
const GLOBEX = 'https://globex.vaccinate.example';

function config(issuers: TestIssuer[], overrides: Partial<CertificatesConfig> = {}): CertificatesConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    logLevel: 'info',
    issuers: new Map(issuers.map((issuer) => [issuer.url, [issuer.secret]])),
    jwksUrls: new Map(),
    jwksTtlMs: 300_000,
    rateLimitPerMinute: 1_000,
    trustedProxyHops: 0,
    tracing: null,
    ...overrides,
  };
}

/** The problem without its per-request id: what must be identical across kinds of mismatch. */
function problemWithoutId(answer: HttpAnswer): Record<string, unknown> {
  const { requestId, ...rest } = answer.json() as Record<string, unknown>;
  expect(requestId).toEqual(expect.any(String));
  return rest;
}

describe('certificates function', () => {
  let acme: TestIssuer;
  let globex: TestIssuer;
  let certificates: RunningCertificates;
  let logs: LogCapture;
  const fetched: string[] = [];
  const tokens: string[] = [];

  const post = (route: string, body: unknown) => postJson(`${certificates.url}/v1/certificates/${route}`, body);
  const request = (token: string, personalData: object = HOLDER, locale = 'de') => {
    tokens.push(token);
    return { token, personalData, locale };
  };

  beforeAll(async () => {
    acme = await createTestIssuer(ACME, 'acme-cs-1');
    globex = await createTestIssuer(GLOBEX, 'globex-cs-1');
    logs = new LogCapture();
    const keySets = new Map<string, JSONWebKeySet>([
      [ACME, { keys: [acme.jwk] }],
      [GLOBEX, { keys: [globex.jwk] }],
    ]);
    // The key-set clock stands still, so however long this suite runs on a loaded machine, every
    // fetch after the first would be the cache's fault, not its TTL's.
    const setUpAt = Date.now();
    certificates = await startCertificates(config([acme, globex]), {
      logDestination: logs,
      keySetClock: () => setUpAt,
      jwksFetcher: async (issuer) => {
        fetched.push(issuer);
        const keySet = keySets.get(issuer);
        if (!keySet) throw new Error('unknown issuer');
        return keySet;
      },
    });
  });
  afterAll(async () => {
    await certificates?.stop();
  });

  it('answers the health probes', async () => {
    expect((await httpRequest(`${certificates.url}/health/live`)).status).toBe(200);
    const ready = await httpRequest(`${certificates.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(ready.json()).toEqual({ status: 'ok' });
  });

  it('renders a German PDF whose two QR codes, read back from the page, verify against the tenant key', async () => {
    const { token, record } = await issueTestToken(acme);
    const answer = await post('pdf', request(token));
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/pdf');
    expect(answer.headers['cache-control']).toBe('no-store');
    const raw = await rawBody(`${certificates.url}/v1/certificates/pdf`, request(token));
    expect(raw.subarray(0, 5).toString('ascii')).toBe('%PDF-');

    const read = await readPdf(raw);
    expect(read.qrCodes).toHaveLength(2);
    const hc1 = read.qrCodes.find((text) => text.startsWith('HC1:'));
    const shc = read.qrCodes.find((text) => text.startsWith('shc:/'));
    expect(hc1).toBe(record.hc1);
    const claims = verifyHc1(hc1!, { key: acme.publicKey });
    expect(claims.payload.nam.fn).toBe(HOLDER.familyName);
    expect(claims.payload.v?.[0]).toMatchObject({ dn: 3, sd: 3, mp: 'EU/1/20/1528', ci: record.certificateId });
    expect(qrTextToJws(shc!)).toBe(record.shcJws);
    const card = await verifyHealthCardJws(qrTextToJws(shc!), { keys: { keys: [acme.jwk] }, issuer: ACME });
    expect(card.payload.vc.credentialSubject.fhirBundle.entry).toHaveLength(4);

    // Real text in an embedded Unicode font: the name exactly as written, the product, the doses.
    const text = read.text.replace(/\s+/g, ' ');
    expect(text).toContain('Impfzertifikat');
    expect(text).toContain('Müller-Łukasik, Erika Zoë');
    expect(text).toContain('12. August 1964');
    expect(text).toContain('Comirnaty');
    expect(text).toContain('BioNTech Manufacturing GmbH');
    expect(text).toContain('Dosis 3 von 3');
    expect(text).toContain('Deutschland');
    expect(text).toContain(record.certificateId);
    expect(text).toContain('QR-Code des digitalen COVID-Zertifikats der EU');
    // Reading order: the person, the codes next to them, then the doses.
    expect(text.indexOf('Geimpfte Person')).toBeLessThan(text.indexOf('QR-Codes zur Prüfung'));
    expect(text.indexOf('QR-Codes zur Prüfung')).toBeLessThan(text.indexOf('Impfungen'));
    expect(text.indexOf('Dosis 1 von 2')).toBeLessThan(text.indexOf('Dosis 3 von 3'));
    expect(read.info).toMatch(/Title:\s+Impfzertifikat – Acme Chemie GmbH/);
    expect(raw.toString('latin1')).toMatch(/\/Lang \(de\)/);
    // Without the doctor setting the certificate names no one.
    expect(text).not.toContain('Geimpft von');
  });

  it('writes a tagged PDF: headings, a label/value table, both QR codes as figures with alternative text, a dose table', async () => {
    const { token, record } = await issueTestToken(acme);
    const raw = await rawBody(`${certificates.url}/v1/certificates/pdf`, request(token));
    expect((await readPdf(raw)).info).toMatch(/Tagged:\s+yes/);

    const tree = await readStructureTree(raw);
    const withRole = (role: string) => tree.filter((element) => element.role === role);
    expect(withRole('Document')).toHaveLength(1);
    expect(withRole('H1').map((element) => element.text)).toEqual(['Impfzertifikat']);
    expect(withRole('H2').map((element) => element.text)).toEqual(['Geimpfte Person', 'QR-Codes zur Prüfung', 'Impfungen']);
    expect(withRole('H3').map((element) => element.text)).toEqual(['Digitales COVID-Zertifikat der EU', 'SMART Health Card']);
    // Each label is a row header followed by its value, so a screen reader reads them as a pair.
    const cells = tree.filter((element) => element.role === 'TH' || element.role === 'TD').map((element) => `${element.role}:${element.text}`);
    expect(cells.slice(0, 6)).toEqual([
      'TH:Name',
      'TD:Müller-Łukasik, Erika Zoë',
      'TH:Geburtsdatum',
      'TD:12. August 1964',
      'TH:Zertifikatkennung',
      `TD:${record.certificateId}`,
    ]);
    // The dose table: a header row of column headers, then per dose its number as the row header
    // and the details; no doctor column when the record names none.
    expect(cells.slice(6, 12)).toEqual(['TH:Dosis', 'TH:Datum der Impfung', 'TH:Impfstoff', 'TH:Hersteller', 'TH:Land der Impfung', 'TH:Charge']);
    expect(cells.slice(-6)).toEqual(['TH:Dosis 3 von 3', 'TD:20. Dezember 2021', 'TD:Comirnaty', 'TD:BioNTech Manufacturing GmbH', 'TD:Deutschland', 'TD:FD7002']);
    expect(withRole('THead')).toHaveLength(1);
    expect(withRole('TBody')).toHaveLength(1);
    expect(withRole('Figure').map((element) => element.alt)).toEqual([
      'QR-Code des digitalen COVID-Zertifikats der EU mit den auf diesem Zertifikat aufgeführten Impfungen, lesbar mit Prüf-Apps.',
      'QR-Code der SMART Health Card mit den auf diesem Zertifikat aufgeführten Impfungen, lesbar mit SMART-Health-Card-Apps.',
    ]);
    // Reading order of the tree: the person, then the codes, then the doses.
    const order = (text: string) => tree.findIndex((element) => element.text === text);
    expect(order('Geimpfte Person')).toBeLessThan(order('QR-Codes zur Prüfung'));
    expect(order('SMART Health Card')).toBeLessThan(order('Impfungen'));
    expect(order('Impfungen')).toBeLessThan(order('Dosis 1 von 2'));
  });

  it('names the vaccinating doctor on each dose when the record carries the name, and only on the page', async () => {
    const { token, record } = await issueTestToken(acme, { vaccinatorName: 'Dr. Anna Weiß' });
    const raw = await rawBody(`${certificates.url}/v1/certificates/pdf`, request(token, HOLDER, 'en'));
    const tree = await readStructureTree(raw);
    const cells = tree.filter((element) => element.role === 'TH' || element.role === 'TD').map((element) => `${element.role}:${element.text}`);
    // One column, "Vaccinated by", holding the doctor of each dose at the end of its row.
    expect(cells.filter((cell) => cell === 'TH:Vaccinated by')).toHaveLength(1);
    expect(cells.filter((cell, index) => cell === 'TD:Dr. Anna Weiß' && cells[index + 1]?.startsWith('TH:Dose'))).toHaveLength(2);
    expect(cells.at(-1)).toBe('TD:Dr. Anna Weiß');
    expect(tree.filter((element) => element.role === 'Figure')).toHaveLength(2);
    // The signed QR payloads are what the tenant signed; the doctor is not in them.
    expect(JSON.stringify(verifyHc1(record.hc1, { key: acme.publicKey }).payload)).not.toContain('Weiß');
    const card = await verifyHealthCardJws(record.shcJws, { keys: { keys: [acme.jwk] }, issuer: ACME });
    expect(JSON.stringify(card.payload)).not.toContain('Weiß');
  });

  it('renders English with the document language en', async () => {
    const { token } = await issueTestToken(acme);
    const raw = await rawBody(`${certificates.url}/v1/certificates/pdf`, request(token, HOLDER, 'en'));
    expect(raw.toString('latin1')).toMatch(/\/Lang \(en\)/);
    const read = await readPdf(raw);
    const text = read.text.replace(/\s+/g, ' ');
    expect(text).toContain('Vaccination certificate');
    expect(text).toContain('12 August 1964');
    expect(text).toContain('Dose 3 of 3');
    expect(text).toContain('Germany');
    expect(read.qrCodes).toHaveLength(2);
  });

  it('opens the token whatever the case, accents and spacing of the typed name', async () => {
    const { token } = await issueTestToken(acme);
    const typed = { familyName: '  MÜLLER-łukasik ', givenName: 'erika   zoe', birthDate: HOLDER.birthDate };
    const answer = await post('fhir', request(token, typed));
    expect(answer.status).toBe(200);
  });

  it('offers the SMART Health Card as a .smart-health-card file', async () => {
    const { token, record } = await issueTestToken(globex);
    const answer = await post('smart-health-card', request(token));
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe(SMART_HEALTH_CARD_MEDIA_TYPE);
    expect(answer.headers['content-disposition']).toMatch(/\.smart-health-card"$/);
    const file = answer.json() as { verifiableCredential: string[] };
    expect(file).toEqual({ verifiableCredential: [record.shcJws] });
    await expect(verifyHealthCardJws(file.verifiableCredential[0]!, { keys: { keys: [globex.jwk] }, issuer: GLOBEX })).resolves.toBeDefined();
  });

  it('answers a FHIR R4 collection Bundle: the holder, the issuer and each dose, valid against the R4 schema', async () => {
    const { token, record } = await issueTestToken(acme);
    const answer = await post('fhir', request(token));
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/fhir+json; charset=utf-8');
    expect(answer.headers['content-disposition']).toMatch(/\.fhir\.json"$/);
    const bundle = answer.json() as Bundle;
    expect(r4SchemaErrors(bundle)).toEqual([]);
    expect(FhirBundle.validate(bundle).ok).toBe(true);
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    expect(bundle.entry.map((entry) => entry.resource.resourceType)).toEqual(['Patient', 'Organization', 'Immunization', 'Immunization', 'Immunization']);
    expect(bundle.entry[0]!.resource).toMatchObject({ name: [{ family: HOLDER.familyName, given: ['Erika', 'Zoë'] }], birthDate: HOLDER.birthDate });
    expect(bundle.entry[1]!.resource).toMatchObject({ name: 'Acme Chemie GmbH' });
    const fullUrls = new Set(bundle.entry.map((entry) => entry.fullUrl));
    for (const fullUrl of fullUrls) expect(fullUrl).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    const immunizations = bundle.entry.map((entry) => entry.resource).filter((resource): resource is Immunization => resource.resourceType === 'Immunization');
    for (const immunization of immunizations) {
      expect(fullUrls.has(immunization.patient.reference!)).toBe(true);
      expect(fullUrls.has(immunization.performer[0]!.actor.reference!)).toBe(true);
    }
    expect(immunizations[0]).toMatchObject({
      status: 'completed',
      vaccineCode: {
        coding: [
          { system: 'http://hl7.org/fhir/sid/cvx', code: '208' },
          { system: 'https://ec.europa.eu/health/documents/community-register/html/', code: 'EU/1/20/1528' },
        ],
      },
      occurrenceDateTime: '2021-05-03',
      lotNumber: 'FD7000',
      protocolApplied: [{ doseNumberPositiveInt: 1, seriesDosesPositiveInt: 2 }],
    });
    expect(immunizations[2]).toMatchObject({ protocolApplied: [{ doseNumberPositiveInt: 3, seriesDosesPositiveInt: 3 }] });
    // The same certificate gives the same file.
    const again = await post('fhir', request(token));
    expect(again.json()).toEqual(bundle);
    expect(bundle.id).not.toBe(record.certificateId);
  });

  it('gives one and the same answer for a wrong family name, a wrong birth date, a flipped byte and a wrong secret', async () => {
    const { token } = await issueTestToken(acme);
    const wrongName = await post('pdf', request(token, { ...HOLDER, familyName: 'Mueller-Lukasik' }));
    const wrongBirthDate = await post('pdf', request(token, { ...HOLDER, birthDate: '1964-08-13' }));
    const wrongGivenName = await post('pdf', request(token, { ...HOLDER, givenName: 'Erika' }));
    const flipped = await post('pdf', request(flipCiphertextByte(token)));
    const { token: otherSecret } = await issueTestToken(acme, { encryptWith: { id: acme.secret.id, secret: new Uint8Array(randomBytes(32)) } });
    const wrongSecret = await post('pdf', request(otherSecret));
    const { token: unknownSecret } = await issueTestToken(acme, { encryptWith: { id: 'unknown-cs', secret: new Uint8Array(randomBytes(32)) } });
    const unknownSecretId = await post('pdf', request(unknownSecret));

    const expected = {
      type: 'https://vaccinate.example/problems/certificate.details_mismatch',
      title: 'These details do not match',
      status: 422,
      detail: 'These details do not match.',
      code: 'certificate.details_mismatch',
    };
    for (const answer of [wrongName, wrongBirthDate, wrongGivenName, flipped, wrongSecret, unknownSecretId]) {
      expect(answer.status).toBe(422);
      expect(answer.headers['content-type']).toBe('application/problem+json');
      expect(problemWithoutId(answer)).toEqual(expected);
    }
  });

  it('refuses a token signed with a key the issuer does not publish', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const { token } = await issueTestToken(acme, { signWith: privateKey });
    const answer = await post('pdf', request(token));
    expect(answer.status).toBe(422);
    expect(answer.json()).toMatchObject({ code: 'certificate.signature_invalid' });
  });

  it("refuses a token encrypted under one tenant's secret but naming another tenant as issuer", async () => {
    const { token } = await issueTestToken(acme, { tokenIssuer: GLOBEX, signWith: globex.privateKey });
    const answer = await post('smart-health-card', request(token));
    expect(answer.status).toBe(422);
    expect(answer.json()).toMatchObject({ code: 'certificate.signature_invalid' });
  });

  it('refuses an expired token', async () => {
    const day = 86_400_000;
    const { token } = await issueTestToken(acme, { issuedAt: new Date(Date.now() - 2 * day), expiresAt: new Date(Date.now() - day) });
    const answer = await post('pdf', request(token));
    expect(answer.status).toBe(422);
    expect(answer.json()).toMatchObject({ code: 'certificate.expired' });
  });

  it('refuses a signed record without the QR payloads rather than rendering half a certificate', async () => {
    const { token } = await issueTestToken(acme, { withoutQrPayloads: true });
    const answer = await post('pdf', request(token));
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({ code: 'certificate.invalid_request', errors: [{ field: 'token', message: 'does not carry a complete certificate' }] });
  });

  it('lists the invalid fields of a malformed request without echoing their values', async () => {
    const answer = await post('pdf', { token: 'not-a-token', personalData: { familyName: 'Geheimname', birthDate: '12.08.1964' }, locale: 'fr' });
    expect(answer.status).toBe(400);
    const problem = answer.json() as { code: string; errors: { field: string }[] };
    expect(problem.code).toBe('certificate.invalid_request');
    expect(problem.errors.map((error) => error.field).sort()).toEqual(['locale', 'personalData.birthDate', 'personalData.givenName', 'token']);
    expect(answer.text).not.toContain('Geheimname');
    expect(answer.text).not.toContain('12.08.1964');

    const notJson = await httpRequest(`${certificates.url}/v1/certificates/pdf`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
    expect(notJson.status).toBe(400);
    const wrongType = await httpRequest(`${certificates.url}/v1/certificates/pdf`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' });
    expect(wrongType.status).toBe(415);
    expect((await httpRequest(`${certificates.url}/v1/certificates/pdf`)).status).toBe(405);
    expect((await httpRequest(`${certificates.url}/v1/nothing`)).status).toBe(404);
  });

  it('fetched key sets only for configured issuers, once each within the TTL', () => {
    expect(new Set(fetched)).toEqual(new Set([ACME, GLOBEX]));
    expect(fetched.filter((issuer) => issuer === ACME)).toHaveLength(1);
  });

  it('logged none of the personal data, tokens or record contents', () => {
    const text = logs.text();
    expect(logs.entries().some((entry) => entry['outcome'] === 'issued')).toBe(true);
    expect(logs.entries().some((entry) => entry['outcome'] === 'certificate.details_mismatch')).toBe(true);
    for (const secret of [
      HOLDER.familyName,
      'Müller',
      'Łukasik',
      'Lukasik',
      'MULLER',
      'Erika',
      HOLDER.birthDate,
      '1964',
      'Geheimname',
      'Anna Weiß',
      'URN:UVCI',
      'HC1:',
      ...tokens.map((token) => token.slice(-40)),
    ]) {
      expect(text, `the logs mention ${secret}`).not.toContain(secret);
    }
    expect(text).not.toMatch(/"stack"/);
  });
});

describe('certificates function under pressure', () => {
  it('limits attempts per client address and answers 429 with Retry-After', async () => {
    const acme = await createTestIssuer(ACME, 'acme-cs-1');
    const running = await startCertificates(config([acme], { rateLimitPerMinute: 3 }), {
      logDestination: new LogCapture(),
      jwksFetcher: async () => ({ keys: [acme.jwk] }),
    });
    try {
      const { token } = await issueTestToken(acme);
      const attempt = (familyName: string) => postJson(`${running.url}/v1/certificates/fhir`, { token, personalData: { ...HOLDER, familyName }, locale: 'de' });
      const statuses = [];
      for (const name of ['A', 'B', 'C']) statuses.push((await attempt(name)).status);
      expect(statuses).toEqual([422, 422, 422]);
      const limited = await attempt(HOLDER.familyName);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(limited.json()).toMatchObject({ code: 'certificate.rate_limited' });
      // Health probes are not attempts.
      expect((await httpRequest(`${running.url}/health/ready`)).status).toBe(200);
    } finally {
      await running.stop();
    }
  });

  it('answers 503 when the issuer key set cannot be fetched, and never fetches for an unknown secret id', async () => {
    const acme = await createTestIssuer(ACME, 'acme-cs-1');
    const calls: string[] = [];
    const running = await startCertificates(config([acme]), {
      logDestination: new LogCapture(),
      jwksFetcher: async (issuer) => {
        calls.push(issuer);
        throw new Error('connection refused');
      },
    });
    try {
      const { token: unknown } = await issueTestToken(acme, { encryptWith: { id: 'elsewhere', secret: new Uint8Array(randomBytes(32)) } });
      const mismatch = await postJson(`${running.url}/v1/certificates/pdf`, { token: unknown, personalData: HOLDER, locale: 'de' });
      expect(mismatch.status).toBe(422);
      expect(calls).toEqual([]);

      const { token } = await issueTestToken(acme);
      const answer = await postJson(`${running.url}/v1/certificates/pdf`, { token, personalData: HOLDER, locale: 'de' });
      expect(answer.status).toBe(503);
      expect(answer.headers['retry-after']).toBe('30');
      expect(answer.json()).toMatchObject({ code: 'certificate.issuer_unavailable' });
      expect(calls).toEqual([ACME]);
    } finally {
      await running.stop();
    }
  });
});

/** The PDF as bytes: the shared test client decodes bodies as UTF-8, which would mangle binary. */
async function rawBody(url: string, body: unknown): Promise<Buffer> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

describe('certificates function across a certificate key rotation', () => {
  it('opens tokens of a retired key while the issuer publishes it, and refuses them once it is removed', async () => {
    const current = await createTestIssuer(ACME, 'acme-rotation-1');
    const retiredKey = await createTestIssuer(ACME, 'acme-rotation-1');
    // The same tenant before the rotation: same URL and secret, the key now retired.
    const beforeRotation: TestIssuer = { ...current, privateKey: retiredKey.privateKey, publicKey: retiredKey.publicKey, jwk: retiredKey.jwk };
    let published: JSONWebKeySet = { keys: [current.jwk, retiredKey.jwk] };
    let clock = Date.now();
    const running = await startCertificates(config([current]), { logDestination: new LogCapture(), keySetClock: () => clock, jwksFetcher: async () => published });
    const pdf = (token: string) => postJson(`${running.url}/v1/certificates/pdf`, { token, personalData: HOLDER, locale: 'de' });
    try {
      const old = (await issueTestToken(beforeRotation)).token;
      const fresh = (await issueTestToken(current)).token;
      expect((await pdf(old)).status).toBe(200);
      expect((await pdf(fresh)).status).toBe(200);

      published = { keys: [current.jwk] };
      clock += 301_000; // past the key set's TTL: the next request fetches the set without the retired key
      const refused = await pdf(old);
      expect(refused.status).toBe(422);
      expect(refused.json()).toMatchObject({ code: 'certificate.signature_invalid' });
      expect((await pdf(fresh)).status).toBe(200);
    } finally {
      await running.stop();
    }
  });
});
