import { defineProject } from 'vitest/config';
import { workspaceLibAliases } from '../../vitest.shared.mts';

// Nest and TypeORM rely on decorator metadata, which the Oxc transform emits for legacy decorators.
export default defineProject({
  oxc: { decorator: { legacy: true, emitDecoratorMetadata: true } },
  resolve: { alias: workspaceLibAliases },
  test: {
    name: 'api',
    include: ['src/**/*.spec.ts', 'test/**/*.integration-spec.ts'],
    environment: 'node',
    globalSetup: ['test/support/postgres.global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
