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
    // Code that walks OpenAPI documents and other parsed JSON of no fixed shape: `any` is the honest type
    // there (and in tests that build such documents). The client, the mock and the scripts stay without it.
    files: ['packages/sandbox/src/**', 'packages/spec/src/**', 'packages/docs/src/**', 'packages/*/test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Governance, type-aware (issue 13): the OpenAPI documents it walks are typed (src/openapi.ts), so
    // `any` and unsafe assignments, calls and member accesses are errors there.
    files: ['packages/governance/src/**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  {
    // Code that runs in the browser too (the client).
    files: ['packages/client/src/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
