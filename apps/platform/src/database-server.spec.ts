import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPlatformConfig } from './config/platform-config';
import { startDatabaseServer } from './database-server';

describe('the embedded database server', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0)) await step();
  });

  async function holdAPort(): Promise<number> {
    const holder: Server = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    cleanup.push(() => new Promise((resolve) => holder.close(() => resolve())));
    const address = holder.address();
    if (typeof address !== 'object' || !address) throw new Error('no port');
    return address.port;
  }

  it('names the port and the variable that moves it when the port is taken, and starts nothing', async () => {
    const port = await holdAPort();
    const dataDir = await mkdtemp(join(tmpdir(), 'vaccinate-platform-'));
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    const config = loadPlatformConfig({ POSTGRES_PORT: String(port), DATA_DIR: dataDir });

    const failure = await startDatabaseServer(config).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toContain(`127.0.0.1:${port}`);
    expect((failure as Error).message).toContain('POSTGRES_PORT');
    expect(await readdir(dataDir)).not.toContain('postgres');
  });
});
