import { configDefaults, defineProject } from 'vitest/config';
import { workspaceLibAliases } from '../../vitest.shared.mts';
import { processLevelSpecs } from './test/process-level-specs.mts';

// Nest and TypeORM rely on decorator metadata, which the Oxc transform emits for legacy decorators.
export default defineProject({
  oxc: { decorator: { legacy: true, emitDecoratorMetadata: true } },
  resolve: { alias: workspaceLibAliases },
  test: {
    name: 'api',
    include: ['src/**/*.spec.ts', 'test/**/*.integration-spec.ts'],
    exclude: [...configDefaults.exclude, ...processLevelSpecs], // run by the `api-processes` project
    environment: 'node',
    // Files in a worker share one module graph: Nest, TypeORM and the entities load once per worker, not once per
    // file (the project's run fell from ~270 s to ~100 s). Each file still starts its own app on its own database.
    isolate: false,
    globalSetup: ['test/support/postgres.global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
