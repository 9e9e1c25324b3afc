import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

/**
 * Lints source text as if it were a file of the workspace, with the workspace's own config.
 * Type information is switched off for speed: the rules under test do not use it.
 */
async function lintAs(path: string, code: string): Promise<Linter.LintMessage[]> {
  const eslint = new ESLint({ cwd: root, overrideConfig: [tseslint.configs.disableTypeChecked] });
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return result?.messages ?? [];
}

const ruleMessages = (messages: Linter.LintMessage[], rule: string) => messages.filter((m) => m.ruleId === rule).map((m) => m.message);

beforeAll(() => {
  // The boundaries rule reads the Nx project graph (tags from each package.json); `npm run lint` computes it the same way.
  execFileSync(join(root, 'node_modules', '.bin', 'nx'), ['show', 'projects'], { cwd: root, env: { ...process.env, NX_DAEMON: 'false' } });
});

describe('project boundaries from the Nx tags', () => {
  it('refuses a server-only lib in the web app', async () => {
    const messages = await lintAs(
      'apps/web/src/booking/forbidden-import.ts',
      "import { FieldKeyRing } from '@vaccinate/field-encryption';\nexport const ring = FieldKeyRing;\n",
    );
    expect(ruleMessages(messages, '@nx/enforce-module-boundaries')).toEqual([
      expect.stringContaining('A project tagged with "scope:web" can only depend on libs tagged with "scope:web", "scope:shared", "scope:domain"'),
    ]);
  });

  it('refuses a path into the API from the web app', async () => {
    const messages = await lintAs(
      'apps/web/src/booking/forbidden-import.ts',
      "import { BookingException } from '../../../api/src/modules/booking/booking.exception';\nexport const error = BookingException;\n",
    );
    expect(ruleMessages(messages, '@nx/enforce-module-boundaries')).toHaveLength(1);
  });

  it('refuses a framework in a pure domain lib', async () => {
    const messages = await lintAs('libs/dose-schedule/src/forbidden-import.ts', "import { Injectable } from '@nestjs/common';\nexport const decorator = Injectable;\n");
    expect(ruleMessages(messages, '@nx/enforce-module-boundaries')).toEqual([expect.stringContaining('@nestjs/common')]);
  });

  it('lets the web app use a shared contracts lib', async () => {
    const messages = await lintAs(
      'apps/web/src/booking/allowed-import.ts',
      "import { INJECTION_SITES } from '@vaccinate/api-contracts';\nexport const sites = INJECTION_SITES;\n",
    );
    expect(ruleMessages(messages, '@nx/enforce-module-boundaries')).toEqual([]);
  });
});

describe('import cycles', () => {
  // booking/availability-notifications.ts imports this file; importing it back closes a cycle.
  const channel = 'apps/api/src/modules/vaccination-day/availability-channel.ts';

  it('fails when a file imports back a file that imports it', async () => {
    const messages = await lintAs(channel, "import '../booking/availability-notifications';\nexport const AVAILABILITY_CHANNEL = 'availability_changed';\n");
    expect(ruleMessages(messages, 'import-x/no-cycle')).toEqual([expect.stringContaining('Dependency cycle')]);
  });

  it('passes the file as it is', async () => {
    const messages = await lintAs(channel, "export const AVAILABILITY_CHANNEL = 'availability_changed';\n");
    expect(ruleMessages(messages, 'import-x/no-cycle')).toEqual([]);
  });
});
