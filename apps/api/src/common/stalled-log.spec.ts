import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const LOGGER = join(__dirname, '..', '..', 'dist', 'common', 'logger.js');

/** Logs far more than the buffer into a stdout nobody reads, then reports its memory and drops on stderr. */
const WRITER = `
const { createLogger, standardOutput, LOG_BUFFER_BYTES } = require(${JSON.stringify(LOGGER)});
const destination = standardOutput();
let dropped = 0;
destination.on('drop', () => { dropped += 1; });
const logger = createLogger('info', destination);
global.gc();
const heapBefore = process.memoryUsage().heapUsed;
const line = 'x'.repeat(200);
for (let i = 0; i < (8 * LOG_BUFFER_BYTES) / 250; i += 1) logger.error({ attempt: i }, line);
global.gc();
process.stderr.write(JSON.stringify({ dropped, buffer: LOG_BUFFER_BYTES, heldBytes: process.memoryUsage().heapUsed - heapBefore }));
process.kill(process.pid, 'SIGKILL');
`;

describe('the request log on a stalled stdout', () => {
  it('drops lines beyond its buffer instead of growing with the log', async () => {
    const child = spawn(process.execPath, ['--expose-gc', '-e', WRITER], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pause(); // nobody reads: the pipe fills after its first 64 KiB
    let report = '';
    child.stderr.on('data', (chunk: Buffer) => (report += chunk.toString('utf8')));
    await once(child, 'exit');
    child.stdout.destroy();
    const { dropped, buffer, heldBytes } = JSON.parse(report) as { dropped: number; buffer: number; heldBytes: number };
    expect(dropped).toBeGreaterThan(0);
    // Eight buffers' worth was logged; what the process still holds stays near one buffer.
    expect(heldBytes).toBeLessThan(3 * buffer);
  }, 60_000);
});
