// @ts-check
// The site `pnpm dev` serves: a copy of the last full build (Redoc's script, logo, favicon and any other
// page stay as built) whose page, Redoc state, openapi.json and Markdown pages (llms.txt, llms-full.txt,
// operations/*.md) are rewritten for each new bundle, in ~0.2 s instead of a full build (the page renders
// the new spec in the browser; see devPage).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildConsoleScript } from '../console-bundle.js';
import { writeMachineDocs } from '../markdown/index.js';
import { prepareSpec } from '../page.js';
import { devPage, devState, stateFileOf } from './dev-page.js';

/** Writes a file through a temp file and a rename, so the server never sends half of it. */
export function writeAtomic(/** @type {string} */ path, /** @type {string} */ text) {
  writeFileSync(`${path}.${process.pid}.tmp`, text);
  renameSync(`${path}.${process.pid}.tmp`, path);
}

/**
 * The dev copy of the built site in `outDir`; `publish(spec)` rewrites it for a new bundle (throws on a spec the docs cannot render).
 * @param {{ builtDir: string, outDir: string }} options
 */
export function createDevSite({ builtDir, outDir }) {
  const template = readFileSync(join(builtDir, 'index.html'), 'utf8');
  const { options } = JSON.parse(readFileSync(join(builtDir, stateFileOf(template)), 'utf8'));
  const script = buildConsoleScript();
  mkdirSync(outDir, { recursive: true });
  cpSync(builtDir, outDir, { recursive: true });
  const staging = join(outDir, '..');
  /** What the last publish wrote (relative to outDir), so a page the next one no longer writes (a removed operation) goes. */
  let written = new Set(['llms.txt', 'llms-full.txt', ...readdirSync(join(outDir, 'operations')).map((name) => `operations/${name}`)]);

  /** Moves `files` (relative to `from`) into the site, each by a rename, and removes what the last publish wrote and this one did not. */
  function moveIn(/** @type {string} */ from, /** @type {string[]} */ files) {
    for (const file of files) {
      // The build's compressed copies are of the built files: never send them for a rewritten one.
      for (const suffix of ['.br', '.gz']) rmSync(join(outDir, file + suffix), { force: true });
      mkdirSync(dirname(join(outDir, file)), { recursive: true });
      renameSync(join(from, file), join(outDir, file));
    }
    for (const file of written) if (!files.includes(file)) rmSync(join(outDir, file), { force: true });
    written = new Set(files);
  }

  return {
    dir: outDir,
    publish(/** @type {any} */ bundled) {
      const { spec } = prepareSpec(bundled);
      const state = devState(spec, options);
      const html = devPage(template, { spec, stateFile: state.name, script });
      // Everything is written aside first (Markdown pages by the build's own writeMachineDocs), then
      // renamed in: the server never sends half a file. The page goes last: once it names the new
      // state file, that file is there.
      const next = mkdtempSync(join(staging, 'publish-'));
      try {
        writeFileSync(join(next, state.name), state.text);
        writeFileSync(join(next, 'openapi.json'), JSON.stringify(spec, null, 2) + '\n');
        moveIn(next, [state.name, 'openapi.json', ...writeMachineDocs(next, bundled)]);
      } finally {
        rmSync(next, { recursive: true, force: true });
      }
      for (const suffix of ['.br', '.gz']) rmSync(join(outDir, 'index.html' + suffix), { force: true });
      writeAtomic(join(outDir, 'index.html'), html);
    },
  };
}
