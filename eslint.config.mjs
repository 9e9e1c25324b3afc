// One ESLint run for the whole workspace: typescript-eslint strict, the Nx project boundaries read
// from each package's `nx.tags`, import cycles, and the hooks rules in the web app.
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Projects whose tsconfig.json covers every linted file: these get the type-aware rules. */
const typeAware = ['apps/api/{src,test}/**/*.ts', 'apps/web/src/**/*.{ts,tsx}', 'apps/{mailer,certificates,platform}/{src,test}/**/*.{ts,tsx}'];

/** Framework-shaped packages that pure domain and shared contract libs must not import. */
const frameworks = ['@nestjs/*', 'typeorm', 'pg', 'pg-boss', 'fastify', '@fastify/*', 'react', 'react-dom', 'react-*', 'i18next', 'cdk8s*', 'pino'];

export default defineConfig(
  {
    ignores: ['**/dist/**', '**/node_modules/**', 'charts/**', 'coverage/**', '.nx/**', '.data/**', 'test-results/**', 'bench/tmp/**'],
  },
  js.configs.recommended,
  tseslint.configs.strict,
  {
    files: ['**/*.{ts,tsx,mts}'],
    languageOptions: { globals: { ...globals.node } },
    plugins: { '@nx': nx, 'import-x': importX },
    settings: {
      // The cycle check parses each imported file: it must know they are TypeScript and where they are.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx', '.mts'] },
      'import-x/extensions': ['.ts', '.tsx', '.mts', '.js', '.mjs'],
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.mts', '.js', '.json'] })],
    },
    rules: {
      // Arguments named `_x` and destructured-away fields (`{ personId: _person, ...rest }`) are how the code drops a value on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true, destructuredArrayIgnorePattern: '^_' },
      ],
      // Runtime cycles only (`import type` is erased); external packages are not followed, which keeps the run short.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // Nest modules and the like are decorated empty classes.
      '@typescript-eslint/no-extraneous-class': ['error', { allowWithDecorator: true }],
      // With noUncheckedIndexedAccess, `bytes[i]!` inside a bounds-checked loop (codecs, tests) is how the code says the index exists.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          enforceBuildableLibDependency: false,
          depConstraints: [
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared', 'scope:domain'] },
            { sourceTag: 'scope:server', onlyDependOnLibsWithTags: ['scope:server', 'scope:shared', 'scope:domain'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared', 'scope:domain'], bannedExternalImports: frameworks },
            { sourceTag: 'scope:domain', onlyDependOnLibsWithTags: ['scope:domain'], bannedExternalImports: frameworks },
            // The charts must pass the API the variables tenant provisioning generates, and the specs check that they do.
            { sourceTag: 'scope:infra', onlyDependOnLibsWithTags: ['scope:infra', 'scope:server', 'scope:shared', 'scope:domain'] },
            { sourceTag: 'scope:tooling', onlyDependOnLibsWithTags: ['scope:tooling', 'scope:server', 'scope:shared', 'scope:domain'] },
          ],
        },
      ],
    },
  },
  {
    files: typeAware,
    extends: [tseslint.configs.strictTypeCheckedOnly],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Fires on every `onClick={() => setOpen(false)}`-style arrow (over 200 times); the shorthand is harmless.
      '@typescript-eslint/no-confusing-void-expression': 'off',
      // Flags defensive `?.`/`??` where the runtime can differ from the type: teardown after a failed setup,
      // a caught value cast to Error, a flag a closure flips. Those checks are deliberate.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/no-unnecessary-type-conversion': 'off',
      // `checked !== true` on a request value refuses anything but a literal true, whatever the declared type says.
      '@typescript-eslint/no-unnecessary-boolean-literal-compare': 'off',
      // The typed SQL helpers take the row type as a parameter on purpose (`query<Row>(…)`).
      '@typescript-eslint/no-unnecessary-type-parameters': 'off',
      // Nest's option and DTO classes are used as shapes: object literals of those shapes are the norm.
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
      // Exception codes are plain strings on AppException, compared with each module's code enum.
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
      // Spreading a validated DTO into a plain query, and ASCII hex or base45 text into characters, is intended.
      '@typescript-eslint/no-misused-spread': 'off',
      // React drops an event handler's return value; wrapping each async handler in `void` would change nothing.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // altcha's challenge is the salt and the number concatenated.
      '@typescript-eslint/restrict-plus-operands': ['error', { allowNumberAndString: true }],
      // An AbortSignal's reason is `any` in the DOM types; passing it on is the convention.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingAny: true }],
      // An `async` method that implements a Promise-returning interface without awaiting is how a throw becomes a rejection.
      '@typescript-eslint/require-await': 'off',
      // Numbers and booleans print as expected in messages and SQL fragments.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // React 19's types deprecate FormEvent; the forms move to the contract schemas' resolver, which replaces these handlers.
      '@typescript-eslint/no-deprecated': ['error', { allow: [{ from: 'package', package: '@types/react', name: 'FormEvent' }] }],
    },
  },
  {
    files: ['**/*.spec.{ts,tsx}', '**/test/**/*.ts'],
    rules: {
      // Vitest's asymmetric matchers (`expect.any(String)`) are typed `any`.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    // Build and test configs read the workspace's shared test settings, which belong to no project.
    files: ['**/vitest.config.mts', '**/vite.config.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs['recommended-latest'].rules,
      'react-hooks/exhaustive-deps': 'error',
      // The React Compiler's checks fire on the hand-written fetch hooks (setState in an effect) and the forms' input refs
      // read during render (78 places); the move to TanStack Query and schema-driven forms replaces both. Turn on after it.
      'react-hooks/refs': 'off',
      'react-hooks/set-state-in-effect': 'off',
      'react-hooks/purity': 'off',
    },
  },
);
