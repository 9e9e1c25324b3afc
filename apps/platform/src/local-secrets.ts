import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { generateTenantSecrets, type TenantSecrets } from '@vaccinate/tenant-provisioning';

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

/** The tenant's keys, generated once like Terraform's random_* resources and kept for the next start. */
export async function tenantSecrets(dataDir: string, slug: string): Promise<TenantSecrets> {
  const file = join(dataDir, 'tenants', `${slug}.secrets.json`);
  const stored = await readOrCreate(file, generateTenantSecrets);
  // Data from before certificates lacks the certificate secret: add it, keep every other key.
  if (stored.certificateSecret) return stored;
  const completed = { ...stored, certificateSecret: generateTenantSecrets().certificateSecret };
  await writeFile(file, `${JSON.stringify(completed, null, 2)}\n`, { mode: 0o600 });
  return completed;
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
