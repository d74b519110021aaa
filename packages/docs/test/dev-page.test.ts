// The page `pnpm dev` serves for a new spec, made from the built page: no prerendered markup, Redoc's
// state file swapped for one holding the new spec (with the build's options), the console's model new.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '@session-obs/spec';
import { devPage, devState, stateFileOf } from '../src/dev/dev-page.js';
import { prepareSpec } from '../src/page.js';
import { siteDir } from '../src/serve.js';

const built = readFileSync(join(siteDir, 'index.html'), 'utf8');
const builtState = JSON.parse(readFileSync(join(siteDir, stateFileOf(built)), 'utf8'));
const prepared = prepareSpec(loadSpec()).spec;
const count = (html: string, text: string) => html.split(text).length - 1;
const model = (html: string) => JSON.parse(html.match(/<script type="application\/json" id="try-it-model">(.*?)<\/script>/s)![1]!);

describe('devPage', () => {
  it('loads the new state file instead of the built one, and drops the prerendered markup', () => {
    const state = devState(prepared, builtState.options);
    const page = devPage(built, { spec: prepared, stateFile: state.name, script: 'void 0' });
    expect(stateFileOf(page)).toBe(state.name);
    expect(page).not.toContain(stateFileOf(built));
    expect(page).toContain('<div id="redoc"></div>');
    expect(page).toContain('hydrate(definition, options, document.getElementById(');
    expect(page.length).toBeLessThan(built.length);
  });

  it("holds the spec Redoc renders with the build's options (telemetry off), under a name that follows its content", () => {
    const state = devState(prepared, builtState.options);
    expect(JSON.parse(state.text)).toEqual({ definition: prepared, options: builtState.options });
    expect(builtState.options.disableTelemetry).toBe(true);
    expect(state.name).toMatch(/^redoc-state\.[0-9a-f]{12}\.json$/);
    const changed = structuredClone(prepared);
    changed.paths['/session-errors'].get.summary = 'List every session error ever';
    expect(devState(changed, builtState.options).name).not.toBe(state.name);
  });

  it('renders a changed spec: new console model, one console', () => {
    const changed = structuredClone(prepared);
    changed.paths['/session-errors'].get.summary = 'List every session error ever';
    const page = devPage(built, { spec: changed, stateFile: devState(changed, {}).name, script: 'void 0' });
    expect(model(page).operations[0].summary).toBe('List every session error ever');
    expect(count(page, 'id="try-it-model"')).toBe(1);
  });

  it('fails loudly on a page that is not a Redoc build', () => {
    expect(() => devPage('<html><body></body></html>', { spec: prepared, stateFile: 'x.json', script: '' })).toThrow(
      /no longer has Redoc's #redoc root/,
    );
  });
});
