import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const modules = join(import.meta.dirname, '..', '..', 'apps', 'api', 'src', 'modules');

/** Which module folder imports which (type imports included: they tie the folders as much). */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const entry of readdirSync(modules, { recursive: true, encoding: 'utf8' })) {
    if (!entry.endsWith('.ts') || entry.endsWith('.spec.ts')) continue;
    const from = entry.split(sep)[0] ?? '';
    const file = join(modules, entry);
    for (const imported of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
      if (!imported.fileName.startsWith('.')) continue;
      const to = relative(modules, resolve(dirname(file), imported.fileName)).split(sep)[0] ?? '';
      if (to === from || to.startsWith('..')) continue;
      graph.set(from, (graph.get(from) ?? new Set()).add(to));
    }
  }
  return graph;
}

/** Every folder from which `start` can be reached again, as a path; null when there is none. */
function cycleThrough(graph: Map<string, Set<string>>, start: string): string[] | null {
  const seen = new Set<string>();
  const walk = (at: string, path: string[]): string[] | null => {
    for (const next of graph.get(at) ?? []) {
      if (next === start) return [...path, next];
      if (seen.has(next)) continue;
      seen.add(next);
      const found = walk(next, [...path, next]);
      if (found) return found;
    }
    return null;
  };
  return walk(start, [start]);
}

describe('API module folders', () => {
  it('import each other without a cycle', () => {
    const graph = folderGraph();
    const cycles = [...graph.keys()].map((folder) => cycleThrough(graph, folder)).filter((cycle) => cycle !== null);
    expect(cycles.map((cycle) => cycle.join(' -> '))).toEqual([]);
  });

  it('sees the imports between folders (booking uses vaccination-day)', () => {
    expect(folderGraph().get('booking')?.has('vaccination-day')).toBe(true);
  });
});
