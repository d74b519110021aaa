// @ts-check
// The site `pnpm dev` serves: a copy of the last full build (logo, favicon and any other page stay as
// built) whose index.html and openapi.json are rewritten for each new bundle, in ~0.2 s instead of a
// full `redocly build-docs` (the page renders the new spec in the browser; see devPage).
import { cpSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildConsoleScript } from '../console-bundle.js';
import { devPage, prepareSpec } from '../page.js';

/** Writes a file through a temp file and a rename, so the server never sends half of it. */
export function writeAtomic(/** @type {string} */ path, /** @type {string} */ text) {
  writeFileSync(`${path}.${process.pid}.tmp`, text);
  renameSync(`${path}.${process.pid}.tmp`, path);
}

/**
 * The dev copy of the built site in `outDir`; `publish(spec)` rewrites its page for a new bundle (throws on a spec the docs cannot render).
 * @param {{ builtDir: string, outDir: string }} options
 */
export function createDevSite({ builtDir, outDir }) {
  const template = readFileSync(join(builtDir, 'index.html'), 'utf8');
  const script = buildConsoleScript();
  mkdirSync(outDir, { recursive: true });
  cpSync(builtDir, outDir, { recursive: true });
  return {
    dir: outDir,
    publish(/** @type {any} */ bundled) {
      const { spec } = prepareSpec(bundled);
      const html = devPage(template, spec, script);
      // The build's compressed copies are of the built files: never send them for a rewritten one.
      for (const file of ['index.html', 'openapi.json'])
        for (const suffix of ['.br', '.gz']) rmSync(join(outDir, file + suffix), { force: true });
      writeAtomic(join(outDir, 'openapi.json'), JSON.stringify(spec, null, 2) + '\n');
      writeAtomic(join(outDir, 'index.html'), html);
    },
  };
}
