import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Each package owns its vitest.config.mts; this file only lists them.
// Most test files wait on Postgres as much as they compute, so two files at a time keep both cores busy even on a
// 2-core machine (vitest's default there is one). The API's process-level tests run afterwards on their own (see
// apps/api/vitest.processes.config.mts).
export default defineConfig({
  test: {
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: ['{libs/*,apps/*,infra,tools}/vitest.config.mts', 'apps/api/vitest.processes.config.mts'],
  },
});
