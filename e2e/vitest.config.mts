import { defineConfig } from 'vitest/config';
import { FileNameSequencer } from './support/file-name-sequencer.mts';

// Browser journeys against the whole product as `npm start` runs it; not part of `npm test`.
export default defineConfig({
  test: {
    name: 'e2e',
    root: import.meta.dirname,
    include: ['**/*.e2e.ts'],
    globalSetup: ['support/platform.global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 330_000,
    fileParallelism: false,
    sequence: { sequencer: FileNameSequencer },
  },
});
