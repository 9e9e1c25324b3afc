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
    globalSetup: ['test/support/postgres.global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
