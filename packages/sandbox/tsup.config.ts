import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', cli: 'src/cli.ts' },
  format: ['esm'],
  dts: { entry: 'src/index.ts' },
  clean: true,
  target: 'node20',
  platform: 'node',
  // The private dev kit is inlined: the published package must not depend on it.
  noExternal: ['@session-obs/devkit'],
  // better-sqlite3 is a compiled addon, installed as a dependency.
  external: ['better-sqlite3'],
});
