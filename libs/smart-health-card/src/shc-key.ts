import { KeyObject, createPublicKey } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK, type JWK } from 'jose';

/** The public JWK an issuer serves at `<iss>/.well-known/jwks.json`. */
export interface ShcPublicJwk extends JWK {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
  kid: string;
  use: 'sig';
  alg: 'ES256';
}

/** The key id SMART Health Cards require: the RFC 7638 SHA-256 thumbprint of the public key, base64url. */
export async function shcKeyId(key: KeyObject | JWK): Promise<string> {
  return calculateJwkThumbprint(await publicJwk(key), 'sha256');
}

export async function shcPublicJwk(key: KeyObject | JWK): Promise<ShcPublicJwk> {
  const jwk = await publicJwk(key);
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.x || !jwk.y) throw new TypeError('SMART Health Cards use ES256 (P-256) keys');
  return { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, kid: await calculateJwkThumbprint(jwk, 'sha256'), use: 'sig', alg: 'ES256' };
}

/** Only the public members, so a private JWK or key never leaks into a thumbprint or a published set. */
async function publicJwk(key: KeyObject | JWK): Promise<JWK> {
  if (key instanceof KeyObject) return exportJWK(key.type === 'private' ? createPublicKey(key) : key);
  const { kty, crv, x, y, n, e } = key;
  return Object.fromEntries(Object.entries({ kty, crv, x, y, n, e }).filter(([, value]) => value !== undefined)) as JWK;
}
