import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Runs a node script to completion; rejects with its output when it fails. */
export function runNode(script: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { env: { PATH: process.env['PATH'] ?? '', ...env } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} failed:\n${output}`))));
  });
}

/**
 * Where a server's stdout goes: nowhere (`ignore`), or through another process that reads and
 * summarises every line (`forwarded`), as a launcher reading its API's output would.
 */
export type StdoutRoute = 'ignore' | 'forwarded';

/** Starts a long-running node process and waits until `readyUrl` answers 200. */
export async function startNode(script: string, env: Record<string, string>, readyUrl: string, stdout: StdoutRoute = 'ignore'): Promise<ChildProcess> {
  // BENCH_NODE_ARGS (e.g. --cpu-prof) profiles the server under load.
  const nodeArgs = (process.env['BENCH_NODE_ARGS'] ?? '').split(' ').filter(Boolean);
  const forwarder = stdout === 'forwarded' ? spawn(process.execPath, [join(__dirname, 'log-forwarder.js')], { stdio: ['pipe', 'ignore', 'inherit'] }) : null;
  const child = spawn(process.execPath, [...nodeArgs, script], {
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', forwarder?.stdin ?? 'ignore', 'inherit'],
    cwd: process.env['BENCH_PROFILE_DIR'] ?? process.cwd(),
  });
  if (forwarder) child.once('exit', () => forwarder.kill('SIGTERM'));
  for (let i = 0; i < 300; i += 1) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}`);
    try {
      if ((await fetch(readyUrl)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${script} not ready`);
}

export function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
