import { defineConfig } from 'vitest/config';

// The browser test launches Debian's Chromium once and shares it across its cases (~10 s).
export default defineConfig({ test: { include: ['test/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 60_000 } });
