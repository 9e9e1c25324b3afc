import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { provisionTestTenant, type TestTenant } from '../support/tenant-fixture';
import { freePort } from '../support/test-postgres';

const MAIN = join(__dirname, '..', '..', 'dist', 'main.js');

/** Runs the built API with exactly `env` (plus PATH) and collects how it ends. */
function runApi(env: Record<string, string>): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN], { env: { PATH: process.env['PATH'] ?? '', ...env } });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, stdout });
    });
  });
}

describe('the API process refuses to start on bad configuration', () => {
  let tenant: TestTenant;

  beforeAll(async () => {
    expect(existsSync(MAIN), 'build the API first (npm run build)').toBe(true);
    tenant = await provisionTestTenant(inject('postgresAdminUrl'), 'boot');
  });

  it('names a missing field key and exits 1', async () => {
    const { FIELD_KEYS: _missing, ...env } = tenant.environment;
    const result = await runApi(env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('FIELD_KEYS: is required');
  });

  it('names a malformed field key, signing key and URL without echoing their values', async () => {
    const shortKey = `v1:${Buffer.from('too short to be a key').toString('base64')}`;
    const result = await runApi({
      ...tenant.environment,
      FIELD_KEYS: shortKey,
      ACCESS_TOKEN_KEYS: 'v1:bm90LWEtc2VjcmV0LXZhbHVl',
      PUBLIC_URL: 'ftp://nope',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('FIELD_KEYS: key v1 must be 32 bytes encoded as base64');
    expect(result.stderr).toContain('ACCESS_TOKEN_KEYS: key v1 must be a P-256 private key (PKCS#8 DER) or public key (SPKI DER), base64');
    expect(result.stderr).toContain('PUBLIC_URL:');
    expect(result.stderr).not.toContain(shortKey.slice(3));
    expect(result.stderr).not.toContain('bm90LWEtc2VjcmV0LXZhbHVl');
  });

  it('refuses a deployment that still sets only the single signing key of earlier versions', async () => {
    const { ACCESS_TOKEN_KEYS: _tokenKeys, CERTIFICATE_SIGNING_KEYS: _certificateKeys, ...env } = tenant.environment;
    const result = await runApi({ ...env, TOKEN_SIGNING_KEY: 'legacy-secret-value' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('TOKEN_SIGNING_KEY: is no longer read');
    expect(result.stderr).toContain('ACCESS_TOKEN_KEYS: is required');
    expect(result.stderr).toContain('CERTIFICATE_SIGNING_KEYS: is required');
    expect(result.stderr).not.toContain('legacy-secret-value');
  });

  it('names a current key version that is not configured', async () => {
    const result = await runApi({ ...tenant.environment, FIELD_KEY_CURRENT: 'v2' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('FIELD_KEY_CURRENT: the current key version v2 is not among the configured keys');
  });

  it('starts with the environment the launcher gives it', async () => {
    const port = String(await freePort());
    const child = spawn(process.execPath, [MAIN], { env: { PATH: process.env['PATH'] ?? '', ...tenant.environment, PORT: port } });
    const started = await new Promise<string>((resolve) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('api listening')) resolve(output);
      });
      child.on('exit', () => resolve(output));
    });
    const ready = await fetch(`http://127.0.0.1:${port}/api/health/ready`).catch(() => null);
    child.kill('SIGTERM');
    expect(started).toContain('"msg":"api listening"');
    expect(ready?.status).toBe(200);
  });
});
