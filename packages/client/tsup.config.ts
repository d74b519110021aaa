import { defineConfig } from 'tsup';

// openapi-fetch's code is bundled into both builds. Its CommonJS build exports the client as
// `exports.default` beside `__esModule`, and the CommonJS output tsup writes for an ESM package reads a
// default import the way Node does (the whole module object), so `require()` of our CJS build called an
// object. Bundled, no module boundary is left to get wrong. openapi-fetch stays a dependency for its types
// (`Client`, `Middleware`), which the .d.ts imports; the generated API types are inlined into the .d.ts.
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  noExternal: ['openapi-fetch'],
  dts: { resolve: ['@session-obs/types'] },
  clean: true,
  sourcemap: true,
  target: 'es2022',
  platform: 'neutral',
});
