// What the build and the dev loop add to Redoc's page: the console (its model inline, its script a
// content-hashed file in the built site). The dev page is tested in dev-page.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '@session-obs/spec';
import { buildConsoleScript } from '../src/console-bundle.js';
import { externalizeModule } from '../src/build/split-page.js';
import { CONSOLE_START, addConsole, prepareSpec, scriptJson, withoutConsole } from '../src/page.js';
import { siteDir } from '../src/serve.js';
import { consoleModel } from '../src/try-it-model.js';

const built = readFileSync(join(siteDir, 'index.html'), 'utf8');
const prepared = prepareSpec(loadSpec()).spec;
const count = (html: string, text: string) => html.split(text).length - 1;
const model = (html: string) => JSON.parse(html.match(/<script type="application\/json" id="try-it-model">(.*?)<\/script>/s)![1]!);

describe('the console in the built page', () => {
  it('is in the page once, after Redoc, with the model of the spec the page renders', () => {
    expect(count(built, 'id="try-it-model"')).toBe(1);
    expect(built.indexOf('id="try-it-model"')).toBeGreaterThan(built.indexOf('hydrate(definition, options'));
    expect(model(built)).toEqual(consoleModel(prepared));
  });

  it('comes out whole: the page without it has no trace of it, and adding it back gives the built page', () => {
    const bare = withoutConsole(built);
    expect(bare).not.toMatch(/try-it-model|try-it console/);
    // The console's build is deterministic: the built page loads the current console source from its
    // content-hashed file, which is in the site.
    const { html, files } = externalizeModule(addConsole(bare, prepared, buildConsoleScript()), CONSOLE_START, 'try-it');
    expect(html).toBe(built);
    const [script] = files;
    expect(built).toContain(`<script type="module" src="${script!.name}"></script>`);
    expect(readFileSync(join(siteDir, script!.name), 'utf8')).toBe(script!.text);
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
