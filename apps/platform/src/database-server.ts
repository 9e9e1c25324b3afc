import { createServer } from 'node:net';
import { join } from 'node:path';
import { startLocalPostgres } from '@vaccinate/local-postgres';
import type { PlatformConfig } from './config/platform-config';
import { postgresAdminPassword } from './local-secrets';

export interface DatabaseServer {
  adminUrl: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** The embedded PostgreSQL under `.data/postgres`, or the server DATABASE_URL points at. */
export async function startDatabaseServer(config: PlatformConfig): Promise<DatabaseServer> {
  if (config.adminDatabaseUrl) {
    return { adminUrl: config.adminDatabaseUrl, embedded: false, stop: async () => undefined };
  }
  await assertPortFree(config.postgresPort);
  try {
    const server = await startLocalPostgres({
      dataDir: join(config.dataDir, 'postgres'),
      port: config.postgresPort,
      password: await postgresAdminPassword(config.dataDir),
      persistent: true,
    });
    return { adminUrl: server.adminUrl, embedded: true, stop: server.stop };
  } catch (error) {
    // Taken between the check and the start (a passing client connection can hold a port in the ephemeral range).
    await assertPortFree(config.postgresPort);
    throw error instanceof Error ? error : new Error(`The embedded PostgreSQL did not start: ${String(error)}`);
  }
}

/** Fails with the port and the variable that moves it when something already holds the port on 127.0.0.1. */
export function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          `The embedded PostgreSQL cannot listen on 127.0.0.1:${port} (${error.code ?? error.message}). ` +
            `Another program or connection holds that port; set POSTGRES_PORT to a free port, e.g. POSTGRES_PORT=${port === 65535 ? 54321 : port + 1} npm start.`,
        ),
      ),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}
