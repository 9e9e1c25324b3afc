import { UnreadableCodeError, PRODUCT_NAMES, type CertificateVerification } from './certificate-verification';
import { importVerifyKey, verifyEs256 } from './ecdsa.util';
import { base64UrlDecode, inflate } from './inflate.util';
import { revocationOf, type IssuerDirectory } from './issuer-directory';

interface FhirResource {
  resourceType?: string;
  name?: { family?: string; given?: string[] }[];
  birthDate?: string;
  vaccineCode?: { coding?: { code?: string }[] };
  occurrenceDateTime?: string;
  lotNumber?: string;
}

interface HealthCardPayload {
  iss?: string;
  nbf?: number;
  exp?: number;
  vc?: { rid?: string; credentialSubject?: { fhirBundle?: { entry?: { resource?: FhirResource }[] } } };
}

/** `shc:/` + two digits per JWS character (`charCode - 45`); one chunk only. */
export function shcQrTextToJws(text: string): string {
  const digits = text.trim().slice('shc:/'.length);
  if (!/^(\d\d)+$/.test(digits)) throw new UnreadableCodeError('not a single-chunk SMART Health Card');
  return digits.replace(/\d\d/g, (pair) => String.fromCharCode(Number(pair) + 45));
}

/** Verifies a SMART Health Card against the key its issuer (a tenant of this platform) publishes. */
export async function verifyShc(text: string, issuers: IssuerDirectory, now: Date): Promise<CertificateVerification> {
  const jws = shcQrTextToJws(text);
  const [headerPart, payloadPart, signaturePart] = jws.split('.');
  if (!headerPart || !payloadPart || !signaturePart) throw new UnreadableCodeError('not a compact JWS');
  let header: { alg?: string; kid?: string; zip?: string };
  let payload: HealthCardPayload;
  try {
    header = JSON.parse(new TextDecoder().decode(base64UrlDecode(headerPart))) as typeof header;
    const raw = base64UrlDecode(payloadPart);
    payload = JSON.parse(new TextDecoder().decode(header.zip === 'DEF' ? await inflate(raw, 'deflate-raw') : raw)) as HealthCardPayload;
  } catch (error) {
    throw new UnreadableCodeError('the SMART Health Card does not decode', { cause: error });
  }
  const resources = (payload.vc?.credentialSubject?.fhirBundle?.entry ?? []).map((entry) => entry.resource ?? {});
  const patient = resources.find((resource) => resource.resourceType === 'Patient');
  if (!patient?.birthDate) throw new UnreadableCodeError('the SMART Health Card names no patient');
  const tenant = issuers.tenants.find((candidate) => candidate.origins.includes(payload.iss ?? ''));
  let signature: CertificateVerification['signature'] = 'unknown-issuer';
  if (tenant && header.alg === 'ES256') {
    const jwk = (await issuers.keys(tenant).catch(() => [])).find((key) => key.kid === header.kid);
    const key = jwk ? await importVerifyKey(jwk).catch(() => undefined) : undefined;
    const valid = key ? await verifyEs256(key, base64UrlDecode(signaturePart), new TextEncoder().encode(`${headerPart}.${payloadPart}`)) : false;
    signature = valid ? 'valid' : 'invalid';
  } else if (tenant) signature = 'invalid';
  const name = patient.name?.[0];
  const expiresAt = typeof payload.exp === 'number' ? new Date(payload.exp * 1000) : undefined;
  return {
    format: 'smart-health-card',
    signature,
    ...(tenant && signature === 'valid' ? { tenant: { slug: tenant.slug, displayName: tenant.displayName } } : {}),
    holder: {
      ...(name?.family ? { familyName: name.family } : {}),
      ...(name?.given?.length ? { givenName: name.given.join(' ') } : {}),
      birthDate: patient.birthDate,
    },
    doses: resources
      .filter((resource) => resource.resourceType === 'Immunization')
      .map((resource) => {
        const code = resource.vaccineCode?.coding?.[0]?.code ?? '';
        return { product: PRODUCT_NAMES[code] ?? code, date: resource.occurrenceDateTime ?? '', ...(resource.lotNumber ? { lotNumber: resource.lotNumber } : {}) };
      }),
    ...(typeof payload.nbf === 'number' ? { issuedAt: new Date(payload.nbf * 1000).toISOString() } : {}),
    ...(expiresAt ? { expiresAt: expiresAt.toISOString() } : {}),
    expired: expiresAt ? expiresAt.getTime() < now.getTime() : false,
    // Cards carry their revocation id in vc.rid; the tenant lists it when the certificate is revoked.
    revocation: tenant && signature === 'valid' && payload.vc?.rid ? await revocationOf(issuers, tenant, payload.vc.rid) : 'unknown',
  };
}
