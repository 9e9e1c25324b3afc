import { defineProject } from 'vitest/config';
import { workspaceLibAliases } from '../../vitest.shared.mts';

export default defineProject({
  resolve: { alias: workspaceLibAliases },
  test: { name: 'sms-catcher', include: ['src/**/*.spec.ts'], environment: 'node', testTimeout: 15_000 },
});
