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
  // The shared server layer comes from the @session-obs/spec dependency at run time, as in the sandbox.
  // The spec the mock serves ships inside the package.
  onSuccess: () => copyFile(require.resolve('@session-obs/spec/openapi.json'), 'dist/openapi.json'),
});
