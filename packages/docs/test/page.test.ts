// What the build and the dev loop add to Redoc's page: the console (model and script), and the dev
// variant of a built page that renders a new spec in the browser.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '@session-obs/spec';
import { buildConsoleScript } from '../src/console-bundle.js';
import { addConsole, devPage, prepareSpec, scriptJson, withoutConsole } from '../src/page.js';
import { siteDir } from '../src/serve.js';
import { consoleModel } from '../src/try-it-model.js';

const built = readFileSync(join(siteDir, 'index.html'), 'utf8');
const prepared = prepareSpec(loadSpec()).spec;
const definition = (html: string) => html.slice(html.indexOf('const __redoc_definition = '), html.indexOf('const __redoc_options = '));
const count = (html: string, text: string) => html.split(text).length - 1;
const model = (html: string) => JSON.parse(html.match(/<script type="application\/json" id="try-it-model">(.*?)<\/script>/s)![1]!);

describe('the console in the built page', () => {
  it('is in the page once, after Redoc, with the model of the spec the page renders', () => {
    expect(count(built, 'id="try-it-model"')).toBe(1);
    expect(built.indexOf('id="try-it-model"')).toBeGreaterThan(built.indexOf('hydrate(__redoc_definition'));
    expect(model(built)).toEqual(consoleModel(prepared));
  });

  it('comes out whole: the page without it has no trace of it, and adding it back gives the built page', () => {
    const bare = withoutConsole(built);
    expect(bare).not.toMatch(/try-it-model|try-it console/);
    // The console's build is deterministic: the built page carries the current console source.
    expect(addConsole(bare, prepared, buildConsoleScript())).toBe(built);
  });

  it('replaces the console already in a page instead of adding a second one', () => {
    const again = addConsole(built, prepared, 'console.log(1)');
    expect(count(again, 'id="try-it-model"')).toBe(1);
    expect(again).toContain('<script type="module">console.log(1)</script>');
  });

  it('keeps JSON and script text from closing their <script> early', () => {
    expect(scriptJson({ text: '</script><b>' })).toBe('{"text":"\\u003c/script>\\u003cb>"}');
    expect(addConsole('<body></body>', prepared, 'x = "</script>"')).toContain('x = "<\\/script>"');
  });
});

describe('devPage', () => {
  it('embeds the definition exactly as redocly build-docs does, and drops the prerendered markup', () => {
    const page = devPage(built, prepared, 'void 0');
    expect(definition(page)).toBe(definition(built));
    expect(page).toContain('<div id="redoc"></div>');
    expect(page).toContain("hydrate(__redoc_definition, __redoc_options, document.getElementById('redoc'));");
    expect(page.length).toBeLessThan(built.length);
  });

  it('renders a changed spec: new definition and console model', () => {
    const changed = structuredClone(prepared);
    changed.paths['/session-errors'].get.summary = 'List every session error ever';
    const page = devPage(built, changed, 'void 0');
    expect(definition(page)).toContain('List every session error ever');
    expect(model(page).operations[0].summary).toBe('List every session error ever');
    expect(count(page, 'id="try-it-model"')).toBe(1);
  });

  it('fails loudly on a page that is not a Redoc build', () => {
    expect(() => devPage('<html><body></body></html>', prepared, '')).toThrow(/no longer has Redoc's #redoc root/);
  });
});
