// @ts-check
// Bundles the Try it console (src/try-it/, TypeScript) into one minified ES module for the page, with
// its stylesheet inlined as text. esbuild runs in-process (~50 ms), so the dev loop can call it too.
import { buildSync } from 'esbuild';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('./try-it/console.ts', import.meta.url));

/** The console's script: one minified ES2020 module. */
export function buildConsoleScript() {
  const result = buildSync({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2020',
    platform: 'browser',
    loader: { '.css': 'text' },
    write: false,
    legalComments: 'none',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild wrote no console script');
  return output.text;
}
