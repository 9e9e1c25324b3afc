import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const libsRoot = join(import.meta.dirname, 'libs');

/** Tests import workspace libs from their TypeScript source, so no build is needed before a unit run. */
export const workspaceLibAliases = [
  // A lib's browser-safe entry point (no node: modules), where it has one.
  { find: /^@vaccinate\/eu-dcc\/browser$/, replacement: join(libsRoot, 'eu-dcc', 'src', 'browser.ts') },
  // The FHIR R4 schema check, for tests only (it loads the whole R4 schema).
  { find: /^@vaccinate\/fhir\/r4-schema$/, replacement: join(libsRoot, 'fhir', 'src', 'r4-schema.ts') },
  ...readdirSync(libsRoot).map((name) => ({
    find: new RegExp(`^@vaccinate/${name}$`),
    replacement: join(libsRoot, name, 'src', 'index.ts'),
  })),
];
