import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export function runToCompletion(script: string, args: string[], env: Record<string, string>, log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      env: { PATH: process.env['PATH'] ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    forwardLines(child, log);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}`))));
  });
}

export function forwardLines(child: ChildProcess, log: (line: string) => void): void {
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) createInterface({ input: stream }).on('line', log);
  }
}

/** The API logs JSON for machines; on a terminal one short line per event reads better. */
export function summarizeLogLine(line: string): string {
  try {
    const entry = JSON.parse(line) as Record<string, unknown>;
    if (entry['msg'] === 'request') {
      return `${String(entry['method'])} ${String(entry['route'])} ${String(entry['status'])} ${String(entry['durationMs'])}ms`;
    }
    return typeof entry['msg'] === 'string' ? entry['msg'] : line;
  } catch {
    return line;
  }
}

export async function waitUntilReady(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the API exited with code ${child.exitCode} before it was ready`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(1_000) })).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the API was not ready within ${timeoutMs / 1000} s`);
}

export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
