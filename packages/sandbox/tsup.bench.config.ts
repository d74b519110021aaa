// The benchmark's own build (`pnpm bench`): bench/bench.ts and bench/replicas.ts to .bench/ (git-ignored), never into dist/,
// so the published package holds no benchmark code. It starts the sandbox from dist/ like a user would.
import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { bench: 'bench/bench.ts', replicas: 'bench/replicas.ts' },
  outDir: '.bench',
  format: ['esm'],
  clean: true,
  target: 'node20',
  platform: 'node',
  // Run from the workspace: every dependency (better-sqlite3, autocannon, the mock, the dev kit) stays external.
  skipNodeModulesBundle: true,
});
