import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: { resolve: ['@session-obs/types'] },
  clean: true,
  sourcemap: true,
  target: 'es2022',
  platform: 'neutral',
});
