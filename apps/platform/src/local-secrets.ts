import { createPublicKey, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createCertificateAuthority, generateTenantSecrets, type CertificateAuthority, type TenantSecrets } from '@vaccinate/tenant-provisioning';

/** Reads a JSON file under `.data/`, or creates it with `make()` on the first start (owner-only access). */
async function readOrCreate<T>(file: string, make: () => T): Promise<T> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const value = make();
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    await writeFile(file, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
    return value;
  }
}

async function readIfPresent<T>(file: string): Promise<T | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * The platform's own CSCA, made on the first start: it issues the demo tenants' Document Signer
 * Certificates as a national CSCA would (a real deployment configures its national ones instead).
 */
async function platformCertificateAuthority(dataDir: string): Promise<CertificateAuthority> {
  const file = join(dataDir, 'platform-csca.json');
  const stored = await readIfPresent<CertificateAuthority>(file);
  if (stored) return stored;
  const authority = await createCertificateAuthority({ country: 'DE', commonName: 'vaccinate local CSCA' });
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  await writeFile(file, `${JSON.stringify(authority, null, 2)}\n`, { mode: 0o600 });
  return authority;
}

/** Secrets written by earlier versions, with the single key that signed both staff tokens and certificates. */
type StoredTenantSecrets = TenantSecrets | (Omit<TenantSecrets, 'accessTokenKeys'> & { tokenSigningKey: string });

/** The tenant's keys, generated once like Terraform's random_* resources and kept for the next start. */
export async function tenantSecrets(dataDir: string, slug: string): Promise<TenantSecrets> {
  const file = join(dataDir, 'tenants', `${slug}.secrets.json`);
  const authority = await platformCertificateAuthority(dataDir);
  const stored = await readIfPresent<StoredTenantSecrets>(file);
  if (stored && 'accessTokenKeys' in stored && stored.certificateSecret) return stored;
  const fresh = await generateTenantSecrets({ authority, slug });
  // Data from an earlier version keeps its database password and field keys; its single signing key
  // stays published as a retired certificate key, so the certificates it signed still verify.
  const completed: TenantSecrets = stored
    ? {
        ...fresh,
        databasePassword: stored.databasePassword,
        fieldKeys: stored.fieldKeys,
        fieldKeyCurrent: stored.fieldKeyCurrent,
        initialAdminPassword: stored.initialAdminPassword,
        ...(stored.certificateSecret ? { certificateSecret: stored.certificateSecret } : {}),
        ...('tokenSigningKey' in stored ? { certificateSigningKeys: `${fresh.certificateSigningKeys},legacy:${publicKeyOf(stored.tokenSigningKey)}` } : {}),
      }
    : fresh;
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  await writeFile(file, `${JSON.stringify(completed, null, 2)}\n`, { mode: 0o600 });
  return completed;
}

function publicKeyOf(privateKeyPem: string): string {
  return createPublicKey(privateKeyPem).export({ format: 'der', type: 'spki' }).toString('base64');
}

export async function postgresAdminPassword(dataDir: string): Promise<string> {
  const stored = await readOrCreate(join(dataDir, 'postgres-admin.json'), () => ({
    password: randomBytes(18).toString('base64url'),
  }));
  return stored.password;
}

/** The password of the local demo's doctor and assistant accounts, kept for the next start. */
export async function demoStaffPassword(dataDir: string, slug: string): Promise<string> {
  const stored = await readOrCreate(join(dataDir, 'tenants', `${slug}.demo-staff.json`), () => ({
    password: randomBytes(12).toString('base64url'),
  }));
  return stored.password;
}

export interface LocalSmsAccount {
  /** Twilio's account SID or Vonage's API key. */
  accountId: string;
  /** Twilio's auth token or Vonage's API secret. */
  authSecret: string;
  /** Vonage's signature secret. */
  signatureSecret: string;
}

/** The tenant's made-up account at the SMS catcher's fake of `provider`, kept for the next start. */
export async function smsAccount(dataDir: string, slug: string, provider: 'twilio' | 'vonage'): Promise<LocalSmsAccount> {
  return readOrCreate(join(dataDir, 'tenants', `${slug}.sms-${provider}.json`), () => ({
    // Shaped as the providers issue them: Twilio's SID is AC and 32 hex digits, Vonage's key 8.
    accountId: provider === 'twilio' ? `AC${randomBytes(16).toString('hex')}` : randomBytes(4).toString('hex'),
    authSecret: randomBytes(16).toString('hex'),
    signatureSecret: randomBytes(24).toString('base64url'),
  }));
}
