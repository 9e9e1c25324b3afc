import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { CHARTS } from './charts';
import { writeCharts } from './helm/chart-writer';

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

/** `npm run check:drift`: fails when charts/ is not what a fresh synth produces. */
const committed = resolve(__dirname, '..', '..', 'charts');
const fresh = mkdtempSync(join(tmpdir(), 'vaccinate-charts-'));
try {
  writeCharts(CHARTS, fresh);
  const expected = new Set(listFiles(fresh).map((path) => relative(fresh, path)));
  const actual = new Set(listFiles(committed).map((path) => relative(committed, path)));
  const problems = [
    ...[...expected].filter((path) => !actual.has(path)).map((path) => `missing: charts/${path}`),
    ...[...actual].filter((path) => !expected.has(path)).map((path) => `not generated: charts/${path}`),
    ...[...expected]
      .filter((path) => actual.has(path))
      .filter((path) => readFileSync(join(fresh, path), 'utf8') !== readFileSync(join(committed, path), 'utf8'))
      .map((path) => `differs: charts/${path}`),
  ];
  if (problems.length > 0) {
    console.error(`charts/ drifted from infra/ (run npm run synth and commit):\n  ${problems.join('\n  ')}`);
    process.exitCode = 1;
  } else {
    console.log('charts/ matches a fresh synth');
  }
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
