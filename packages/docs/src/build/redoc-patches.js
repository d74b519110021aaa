// @ts-check
// Changes the build makes to the page `redocly build-docs` renders, each for a reason a reader sees,
// each failing the build loudly when Redoc's output no longer has what it changes (review it then).

/**
 * @typedef {object} Patch
 * @property {string} why
 * @property {RegExp | string} find
 * @property {string} replace
 */

/** @type {Patch[]} */
export const REDOC_PATCHES = [
  {
    why: "Redoc's sidebar logo comes from its CDN at view time: the local copy instead (the site stays offline)",
    find: 'https://cdn.redoc.ly/redoc/logo-mini-full.svg',
    replace: 'redocly-logo.svg',
  },
  {
    why: "Redoc's small sidebar logo, the same way",
    find: 'https://cdn.redoc.ly/redoc/logo-mini.svg',
    replace: 'redocly-logo-mini.svg',
  },
  {
    // The search index (FlexSearch) probes for a worker with `Function(source)`; our CSP has no
    // `unsafe-eval`, so the probe fails (and Chromium logs the refusal as an error) and the index runs
    // on the main thread. The patch answers the probe with that outcome without calling `Function`.
    why: "search's worker probe calls Function(), which the CSP refuses: answer it 'no worker' without the call",
    find: /try\{return (\w+)\._factory\?\?=Function\(\w+\),!0\}catch\{return!1\}/,
    replace: 'return!1',
  },
];

/**
 * `html` with every patch applied; throws when a patch finds nothing.
 * @param {string} html
 * @param {Patch[]} [patches]
 */
export function patchRedoc(html, patches = REDOC_PATCHES) {
  let out = html;
  for (const patch of patches) {
    const found = typeof patch.find === 'string' ? out.includes(patch.find) : patch.find.test(out);
    if (!found) throw new Error(`build: Redoc's page no longer has what this patch changes (${patch.why}); review src/build/redoc-patches.js`);
    out = typeof patch.find === 'string' ? out.replaceAll(patch.find, patch.replace) : out.replace(patch.find, patch.replace);
  }
  return out;
}
