import { copyFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { defineConfig } from 'tsup';

const require = createRequire(import.meta.url);

export default defineConfig({
  entry: ['src/index.ts', 'src/cli.ts'],
  format: ['esm'],
  dts: { entry: 'src/index.ts' },
  clean: true,
  target: 'node20',
  platform: 'node',
  // The dev kit's process helpers and the spec helpers are inlined: the published package depends on
  // neither private workspace package, only on Prism and ajv.
  noExternal: ['@session-obs/devkit', '@session-obs/spec'],
  // The spec the mock serves ships inside the package.
  onSuccess: () => copyFile(require.resolve('@session-obs/spec/openapi.json'), 'dist/openapi.json'),
});
