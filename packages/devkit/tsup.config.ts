import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', 'fuzz/index': 'src/fuzz/index.ts', 'mcp/index': 'src/mcp/index.ts' },
  format: ['esm'],
  dts: true,
  clean: true,
  target: 'node20',
  platform: 'node',
});
