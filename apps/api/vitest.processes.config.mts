import { defineProject } from 'vitest/config';
import apiProject from './vitest.config.mts';
import { processLevelSpecs } from './test/process-level-specs.mts';

// One isolated worker and the default group order put these files in vitest's sequential group, which runs last.
export default defineProject({
  ...apiProject,
  test: { ...apiProject.test, name: 'api-processes', include: processLevelSpecs, exclude: [], maxWorkers: 1, isolate: true },
});
