import { defineConfig } from 'tsup';

// Two entries: the library (index) and the command (cli). `pnpm build` then writes dist/tools.json.
export default defineConfig({
  entry: { index: 'src/index.ts', cli: 'src/cli.ts' },
  format: ['esm'],
  dts: { entry: 'src/index.ts' },
  clean: true,
  target: 'node20',
  platform: 'node',
});
