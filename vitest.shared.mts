import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const libsRoot = join(import.meta.dirname, 'libs');

/** Tests import workspace libs from their TypeScript source, so no build is needed before a unit run. */
export const workspaceLibAliases = readdirSync(libsRoot).map((name) => ({
  find: new RegExp(`^@vaccinate/${name}$`),
  replacement: join(libsRoot, name, 'src', 'index.ts'),
}));
