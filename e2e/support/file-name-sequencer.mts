import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Journeys run one after another in file-name order, so a journey that signs a tenant's admin in
 * after the first sign-in (`waiting-list-journey`) finds the password the first one chose.
 */
export class FileNameSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort((a, b) => a.moduleId.localeCompare(b.moduleId));
  }
}
