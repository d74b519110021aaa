// @ts-check
// The page `pnpm dev` serves for a new spec, made from the last full build's page in a few
// milliseconds instead of a `redocly build-docs` process (~2.5 s): the prerendered markup is dropped
// (Redoc then renders in the browser instead of hydrating), Redoc's state file is swapped for one
// holding the new spec, and the console's model follows the new spec.
import { hashedName, STATE_LINK_ID } from '../build/split-page.js';
import { addConsole } from '../page.js';

const ROOT = '<div id="redoc">';
const ENTRY = '<script type="module">';
const STATE_LINK = new RegExp(`(<link rel="preload" id="${STATE_LINK_ID}" href=")([^"]+)(")`);

/** The name of Redoc's state file that a built page loads; throws when the page names none. */
export function stateFileOf(/** @type {string} */ html) {
  const name = STATE_LINK.exec(html)?.[2];
  if (!name)
    throw new Error(`page: the built index.html no longer names Redoc's state (link #${STATE_LINK_ID}); review src/dev/dev-page.js`);
  return name;
}

/**
 * Redoc's state for `spec` (a prepared spec) with the built page's `options`: its file name (content-hashed) and text.
 * @param {unknown} spec
 * @param {unknown} options
 */
export function devState(spec, options) {
  const text = JSON.stringify({ definition: spec, options });
  return { name: hashedName('redoc-state', 'json', text), text };
}

/**
 * The dev page: `html` (a built page) without its prerendered markup, loading `stateFile`, with the
 * console for `spec` (its model, and `script` inline).
 * @param {string} html
 * @param {{ spec: import('@session-obs/spec').OpenApiDocument, stateFile: string, script: string }} next
 */
export function devPage(html, { spec, stateFile, script }) {
  const root = html.indexOf(ROOT);
  const entry = html.indexOf(ENTRY, root);
  if (root === -1 || entry === -1)
    throw new Error("page: the built index.html no longer has Redoc's #redoc root and its entry script; review src/dev/dev-page.js");
  stateFileOf(html);
  const page = html.slice(0, root) + `${ROOT}</div>\n      ` + html.slice(entry);
  return addConsole(page.replace(STATE_LINK, `$1${stateFile}$3`), spec, script);
}
