import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', cli: 'src/cli.ts' },
  format: ['esm'],
  dts: { entry: 'src/index.ts' },
  clean: true,
  target: 'node20',
  platform: 'node',
  // The shared server layer comes from the @session-obs/spec dependency at run time, as in the mock.
  // better-sqlite3 is a compiled addon, installed as a dependency.
  external: ['better-sqlite3'],
});
