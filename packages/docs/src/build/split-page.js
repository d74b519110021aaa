// @ts-check
// The page `redocly build-docs --inlineBundle` renders carries Redoc's whole standalone bundle and the
// spec inline (~2.4 MB): nothing of it could be cached and the browser had to read it all before the
// page was done. This splits it into content-hashed files a browser keeps for a year: Redoc's script
// (an ES module that exports `hydrate`), Redoc's state (the definition and options it hydrates with)
// and our console. What stays inline is what the first paint needs (the prerendered markup, its
// styles, Redoc's color-mode snippet) and a few lines that start the hydration.
import { createHash } from 'node:crypto';

/** `base.<12 hex of the sha256 of text>.ext`: a name that changes whenever the file's content does (matches HASHED_NAME). */
export function hashedName(/** @type {string} */ base, /** @type {string} */ ext, /** @type {string} */ text) {
  return `${base}.${createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 12)}.${ext}`;
}

/**
 * A file the page loads by URL.
 * @typedef {{ name: string, text: string }} SiteAsset
 */

const REDOC_OPEN = '<script type="module">';
const HYDRATE = "hydrate(__redoc_definition, __redoc_options, document.getElementById('redoc'));";
const REDOC_SCRIPT = /^\s*([\s\S]*?)\s*const __redoc_definition = ([\s\S]*?);\s*const __redoc_options = ([\s\S]*?);\s*$/;

/** The id of the `<link rel="preload">` that names Redoc's state file (the entry fetches what it names). */
export const STATE_LINK_ID = 'redoc-state';

/**
 * The inline module that hydrates the prerendered page. Redoc's module (~0.5 MB compressed) is asked
 * for once the prerendered page has painted, so the first paint never shares a slow connection with
 * it; its state (preloaded from the head) is fetched at the same time, then `hydrate` runs. Without
 * them the prerendered page stays readable; the error says what failed.
 * @param {string} redocFile
 */
export function hydrateEntry(redocFile) {
  return [
    REDOC_OPEN,
    // A hidden tab runs no animation frames: it loads at once rather than when it is shown.
    `if (document.visibilityState === 'visible') await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted)));`,
    `const state = document.getElementById('${STATE_LINK_ID}').href;`,
    `const [{ hydrate }, { definition, options }] = await Promise.all([`,
    `  import('./${redocFile}'),`,
    `  fetch(state).then((response) => (response.ok ? response.json() : Promise.reject(new Error(\`\${state}: \${response.status}\`)))),`,
    `]);`,
    `hydrate(definition, options, document.getElementById('redoc'));`,
    '</script>',
  ].join('\n');
}

/** The head link that starts loading Redoc's state (small) while the page is still parsed; it names the state file. */
export function preloadLink(/** @type {string} */ stateFile) {
  return `<link rel="preload" id="${STATE_LINK_ID}" href="${stateFile}" as="fetch" crossorigin />\n    `;
}

/**
 * Redoc's inline module in `html`: where it starts and ends, its bundle, and the definition and
 * options texts (JSON). Throws when the page is not what `redocly build-docs --inlineBundle` renders.
 * @param {string} html
 */
export function findRedocScript(html) {
  const root = html.indexOf('<div id="redoc">');
  const start = html.indexOf(REDOC_OPEN, root);
  const call = html.indexOf(HYDRATE, start);
  const end = html.indexOf('</script>', call);
  const parts = REDOC_SCRIPT.exec(html.slice(start + REDOC_OPEN.length, call));
  if (root === -1 || start === -1 || call === -1 || end === -1 || !parts)
    throw new Error("build: the page no longer has Redoc's inline module (bundle, definition, options, hydrate); review src/build/split-page.js");
  const [, bundle = '', definition = '', options = ''] = parts;
  if (!/export\s*\{[^}]*\bhydrate\b[^}]*\}\s*;?\s*$/.test(bundle))
    throw new Error("build: Redoc's bundle no longer exports `hydrate`; review src/build/split-page.js");
  return { start, end: end + '</script>'.length, bundle, definition, options };
}

/**
 * Redoc's state file text: `{ definition, options }` as Redoc's own page embedded them (JSON, parsed
 * here so a broken text fails the build, not the reader's browser).
 * @param {string} definition
 * @param {string} options
 */
export function stateText(definition, options) {
  JSON.parse(definition);
  JSON.parse(options);
  return `{"definition":${definition},"options":${options}}`;
}

/**
 * `html` with Redoc's inline module replaced by the hydrating entry and the state's preload in the head, and the
 * two files it now loads (Redoc's module, its state).
 * @param {string} html
 * @returns {{ html: string, files: SiteAsset[] }}
 */
export function splitRedoc(html) {
  const { start, end, bundle, definition, options } = findRedocScript(html);
  const redocText = `${bundle}\n`;
  const redoc = { name: hashedName('redoc', 'js', redocText), text: redocText };
  const state = stateText(definition, options);
  const stateFile = { name: hashedName('redoc-state', 'json', state), text: state };
  const page = html.slice(0, start) + hydrateEntry(redoc.name) + html.slice(end);
  const styles = page.indexOf('<style');
  if (styles === -1) throw new Error('build: the page has no <style> in its head to put the preloads before');
  return { html: page.slice(0, styles) + preloadLink(stateFile.name) + page.slice(styles), files: [redoc, stateFile] };
}

/**
 * `html` with the first inline module script after `marker` moved to `<base>.<hash>.js`
 * (`<script type="module" src>`, deferred like the inline one was).
 * @param {string} html
 * @param {string} marker
 * @param {string} base
 * @returns {{ html: string, files: SiteAsset[] }}
 */
export function externalizeModule(html, marker, base) {
  const at = html.indexOf(marker);
  const start = html.indexOf(REDOC_OPEN, at);
  const end = html.indexOf('</script>', start);
  if (at === -1 || start === -1 || end === -1) throw new Error(`build: no inline module after ${marker} to move to ${base}.*.js`);
  const text = `${html.slice(start + REDOC_OPEN.length, end)}\n`;
  const file = { name: hashedName(base, 'js', text), text };
  const tag = `<script type="module" src="${file.name}"></script>`;
  return { html: html.slice(0, start) + tag + html.slice(end + '</script>'.length), files: [file] };
}
