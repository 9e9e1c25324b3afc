import { defineProject } from 'vitest/config';
import { workspaceLibAliases } from '../vitest.shared.mts';

export default defineProject({
  resolve: { alias: workspaceLibAliases },
  test: {
    name: 'infra',
    include: ['src/**/*.spec.ts', 'scripts/**/*.spec.ts'],
    environment: 'node',
    testTimeout: 60_000,
    globalSetup: ['src/kubernetes/k8s-tools.global-setup.ts'],
  },
});
