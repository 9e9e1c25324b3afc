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
  const server = await startLocalPostgres({
    dataDir: join(config.dataDir, 'postgres'),
    port: config.postgresPort,
    password: await postgresAdminPassword(config.dataDir),
    persistent: true,
  });
  return { adminUrl: server.adminUrl, embedded: true, stop: server.stop };
}
