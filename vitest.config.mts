import { defineConfig } from 'vitest/config';

// Each package owns its vitest.config.mts; this file only lists them.
export default defineConfig({
  test: {
    projects: ['{libs/*,apps/*,infra,tools}/vitest.config.mts'],
  },
});
