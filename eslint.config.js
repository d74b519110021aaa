// ESLint for every hand-written TypeScript and JavaScript file of the repo (`pnpm lint:code`, part of
// `pnpm test`): ESLint's and typescript-eslint's recommended rules. Generated and built files are skipped;
// they are checked by their drift tests and by tsc.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/build/**',
      '**/artifacts/**',
      '**/.bench/**',
      '**/.turbo/**',
      'packages/types/src/generated/**',
      'packages/client/src/generated/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      // A leading underscore marks a binding kept on purpose (a skipped tuple slot, a field split off a rest).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Hand-written source and scripts stay readable: no function over 80 lines (tests' describe blocks and
    // table rows are data, not logic, and are exempt).
    files: ['packages/*/src/**', 'packages/*/scripts/**', 'packages/*/bin/**', 'scripts/*.mjs'],
    rules: { 'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }] },
  },
  {
    // Code that walks OpenAPI documents and other parsed JSON of no fixed shape: `any` is allowed there (and
    // in tests that build such documents). The spec library is not in this list: it types the documents
    // (`OpenApiDocument`, `JsonSchema`, `unknown` for untrusted values), so `any` is an error in its sources.
    // The client, the mock and the scripts stay without it too.
    files: ['packages/sandbox/src/**', 'packages/docs/src/**', 'packages/*/test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Code that runs in the browser too (the client, the docs' Try it console, the release tests' page).
    files: ['packages/client/src/**', 'packages/docs/src/try-it/**', 'packages/release-tests/consumers/browser.mjs'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // CommonJS files (the release tests' consumers): `require` is how they load modules.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Type-aware rules (floating promises, unsafe `any` flows, misused awaits, …): they read each file's
    // types through the TypeScript project that includes it. Add a package's sources here to opt it in.
    // The client is published; governance walks OpenAPI documents it types itself (src/openapi.ts), so
    // `any` and unsafe assignments, calls and member accesses are errors in both.
    files: ['packages/client/src/**/*.ts', 'packages/governance/src/**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
);
