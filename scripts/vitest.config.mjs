import { defineConfig } from 'vitest/config';

// The root scripts' tests (`pnpm test:scripts`): they start the built servers, so they run one at a time.
export default defineConfig({
  test: { include: ['test/**/*.test.mjs'], fileParallelism: false, testTimeout: 180_000, hookTimeout: 180_000 },
});
