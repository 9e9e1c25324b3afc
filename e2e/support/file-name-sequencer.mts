import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** The journey that shows a tenant admin's very first sign-in, with the one-time password: it runs first. */
const FIRST_SIGN_IN_JOURNEY = 'tenant-sites.e2e.ts';

/**
 * Journeys run one after another: the first sign-in journey, then the others in file-name order, so
 * a journey that signs a tenant's admin in later (`signInAsAdmin`) finds the password the first one chose.
 */
export class FileNameSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => (file.moduleId.endsWith(`/${FIRST_SIGN_IN_JOURNEY}`) ? 0 : 1);
    return [...files].sort((a, b) => rank(a) - rank(b) || a.moduleId.localeCompare(b.moduleId));
  }
}
