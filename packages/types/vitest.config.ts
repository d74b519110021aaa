import { defineConfig } from 'vitest/config';

// The package's tests are type-only (`*.test-d.ts`): vitest's typecheck mode runs them through tsc.
export default defineConfig({
  test: {
    include: [],
    typecheck: { enabled: true, only: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
});
