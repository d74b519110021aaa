import { defineConfig } from 'vitest/config';

// The tests spawn the built command (`pnpm build` first; turbo's `test` depends on it) against a real sandbox.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
