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
    // Files in a worker share one module graph (React, i18n, the pages load once per worker: ~120 s → ~30 s);
    // each test still renders into a clean document, and mocks and stubbed globals are restored after it.
    isolate: false,
    setupFiles: ['./src/test/setup-tests.ts'],
    restoreMocks: true,
    unstubGlobals: true,
    // Whole journeys through lazy pages type and click a lot; on a loaded CI machine 5 s is too short.
    testTimeout: 30_000,
  },
});
