import { defineProject } from 'vitest/config';
import { workspaceLibAliases } from '../../vitest.shared.mts';

export default defineProject({
  resolve: { alias: workspaceLibAliases },
  test: { name: 'fhir', include: ['src/**/*.spec.ts'], environment: 'node' },
});
