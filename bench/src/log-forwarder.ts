import { createInterface } from 'node:readline';

// What a launcher that reads its API's stdout does with each line: parse it, print a summary.
createInterface({ input: process.stdin }).on('line', (line) => {
  try {
    const entry = JSON.parse(line) as Record<string, unknown>;
    process.stdout.write(`${String(entry['method'])} ${String(entry['route'])} ${String(entry['status'])} ${String(entry['durationMs'])}ms\n`);
  } catch {
    process.stdout.write(`${line}\n`);
  }
});
