import swc from 'unplugin-swc';
import { defineProject } from 'vitest/config';
import { workspaceLibAliases } from '../../vitest.shared.mts';

// SWC compiles the tests so Nest and TypeORM get the decorator metadata they rely on.
export default defineProject({
  plugins: [swc.vite({ jsc: { target: 'es2022', transform: { legacyDecorator: true, decoratorMetadata: true } } })],
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
