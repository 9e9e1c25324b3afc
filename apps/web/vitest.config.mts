import react from '@vitejs/plugin-react';
import { defineProject } from 'vitest/config';
import { workspaceLibAliases } from '../../vitest.shared.mts';

export default defineProject({
  plugins: [react()],
  resolve: { alias: workspaceLibAliases },
  test: {
    name: 'web',
    include: ['src/**/*.spec.{ts,tsx}', 'nginx/**/*.spec.ts'],
    environment: 'jsdom',
    setupFiles: ['./src/test/setup-tests.ts'],
    restoreMocks: true,
    unstubGlobals: true,
    // Whole journeys through lazy pages type and click a lot; on a loaded CI machine 5 s is too short.
    testTimeout: 30_000,
  },
});
