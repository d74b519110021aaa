// @ts-check
// What the build and the dev loop add to the page `redocly build-docs` renders: the spec it renders
// (samples, logo), the Try it console (its model of the spec and its script, at the end of the body so
// the first paint never waits for it). The dev variant of a built page is src/dev/dev-page.js.
import { linkMachineDocs } from './markdown/index.js';
import { decorateSpec } from './samples.js';
import { consoleModel } from './try-it-model.js';

/** The project logo, copied from assets/ next to index.html. */
export const LOGO_FILE = 'logo.svg';
/** The comment that opens the console's block in a page (the build moves its script to a file). */
export const CONSOLE_START = '<!-- try-it console -->';
const CONSOLE_END = '<!-- /try-it console -->';

/** JSON that is safe inside a `<script>` element (no `</script>` can end it early). */
export const scriptJson = (/** @type {unknown} */ value) => JSON.stringify(value).replace(/</g, '\\u003c');

/** The overview's last section: the link to the Changelog page (`changelog.html`, written by the build). */
export const CHANGELOG_SECTION =
  '## Changelog\n\nWhat changed in each release of the API, generated from the published spec: [Changelog](changelog.html).\n';

/**
 * The spec the site renders: every operation's code samples, the project logo in the sidebar, the Changelog link, the links to the docs for machines.
 * @param {import('@session-obs/spec').OpenApiDocument} spec
 * @returns {{ spec: any, typescript: Record<string, string> }} (the spec as plain JSON: tests and the build walk it freely)
 */
export function prepareSpec(spec) {
  const { spec: decorated, typescript } = decorateSpec(spec);
  decorated.info['x-logo'] = { url: LOGO_FILE, altText: `${decorated.info.title} logo` };
  decorated.info.description = `${decorated.info.description ?? ''}\n\n${CHANGELOG_SECTION}`;
  // The links to llms.txt, llms-full.txt and each operation's Markdown page (written by the build).
  linkMachineDocs(decorated, spec);
  return { spec: decorated, typescript };
}

/** The page without the Try it console (what it was before the build added it). */
export function withoutConsole(/** @type {string} */ html) {
  const start = html.indexOf(CONSOLE_START);
  return start === -1 ? html : html.slice(0, start) + html.slice(html.indexOf(CONSOLE_END) + CONSOLE_END.length + 1);
}

/**
 * The page with the console for `spec` (a prepared spec) added before `</body>`; replaces a console already there.
 * @param {string} html
 * @param {import('@session-obs/spec').OpenApiDocument} spec
 * @param {string} script
 */
export function addConsole(html, spec, script) {
  const page = withoutConsole(html);
  const end = page.lastIndexOf('</body>');
  if (end === -1) throw new Error('page: no </body> to add the console before');
  const block = [
    CONSOLE_START,
    `<script type="application/json" id="try-it-model">${scriptJson(consoleModel(spec))}</script>`,
    `<script type="module">${script.replace(/<\/script/gi, '<\\/script')}</script>`,
    CONSOLE_END,
  ].join('\n');
  return `${page.slice(0, end)}${block}\n${page.slice(end)}`;
}
