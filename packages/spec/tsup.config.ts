import { defineConfig } from 'tsup';

// The library builds into dist/lib, beside the bundled documents (dist/*.json|yaml) that `redocly bundle` writes.
export default defineConfig({
  entry: { index: 'src/index.ts', pointer: 'src/dependency-free.ts', server: 'src/server/index.ts' },
  outDir: 'dist/lib',
  format: ['esm'],
  dts: true,
  clean: true,
  target: 'node20',
  platform: 'node',
});
