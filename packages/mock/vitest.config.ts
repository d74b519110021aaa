import { defineConfig } from 'vitest/config';

// Servers start as child processes and the tarball test installs from the registry: generous bounds for a
// loaded machine (they bound waiting for events, they do not measure speed).
export default defineConfig({ test: { include: ['test/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 300_000 } });
