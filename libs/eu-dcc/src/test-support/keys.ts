import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, X509Certificate, type KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function p256KeyPair(): { privateKey: KeyObject; publicKey: KeyObject } {
  return generateKeyPairSync('ec', { namedCurve: 'P-256' });
}

/** A self-signed document signer certificate for the key, made with the openssl CLI (test only). */
export function selfSignedCertificate(privateKey: KeyObject, days = 365): X509Certificate {
  const dir = mkdtempSync(join(tmpdir(), 'dcc-dsc-'));
  try {
    const keyPath = join(dir, 'key.pem');
    writeFileSync(keyPath, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const certPath = join(dir, 'cert.pem');
    execFileSync('openssl', ['req', '-new', '-x509', '-key', keyPath, '-out', certPath, '-days', String(days), '-subj', '/CN=DSC test/C=DE', '-sha256']);
    return new X509Certificate(readFileSync(certPath));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
