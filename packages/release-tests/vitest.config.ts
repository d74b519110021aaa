import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Installs, compiles and server starts on a shared 2-core machine: generous limits, never a speed test.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
