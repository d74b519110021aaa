// `deprecated: true` on an operation, parameter or property reaches the types, the docs and the changelog.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { changelogEntry } from '../src/changelog.js';
import { diffSpecs } from '../src/diff/index.js';
import type { Document } from '../src/openapi.js';
import { base } from './fixtures/base-spec.js';
import { TODAY } from './fixtures/case.js';
import { exec, pkgDir } from './helpers.js';

function deprecatedSpec() {
  const s = base();
  Object.assign(s.paths['/items'].post, { deprecated: true, 'x-sunset': '2027-06-30' });
  s.paths['/items'].get.parameters[1].deprecated = true; // kind, without a sunset date
  Object.assign(s.components.schemas.Item.properties.count, { deprecated: true, 'x-sunset': '2027-03-31' });
  return s;
}

const dir = mkdtempSync(join(tmpdir(), 'governance-deprecation-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('deprecation', () => {
  it('generated types carry @deprecated (openapi-typescript, as packages/types runs it)', async () => {
    const ts = astToString(await openapiTS(deprecatedSpec() as Parameters<typeof openapiTS>[0], { alphabetize: false, exportType: false }));
    // operation: the method of the path item
    expect(ts).toMatch(/\/\*\*[^/]*@deprecated[^/]*\*\/\s*post: operations\["createItem"\];/);
    // property
    expect(ts).toMatch(/\/\*\*[^/]*@deprecated[^/]*\*\/\s*count\?:/);
    // parameter
    expect(ts).toMatch(/\/\*\*[^/]*@deprecated[^/]*\*\/\s*kind\?:/);
    // and not on what is not deprecated
    expect(ts.match(/@deprecated/g)).toHaveLength(3);
  });

  it('the docs carry it (the pinned redocly build-docs; Redoc renders the badge from it)', () => {
    const spec = join(dir, 'openapi.json');
    writeFileSync(spec, JSON.stringify(deprecatedSpec()));
    const html = join(dir, 'index.html');
    const r = exec(join(pkgDir, 'node_modules/.bin/redocly'), ['build-docs', spec, '-o', html]);
    expect(r.code, r.out).toBe(0);
    const page = readFileSync(html, 'utf8');
    // Redoc 3 renders operations in the browser from the definition embedded in the page; its
    // "Deprecated" badge and strike-through come from these flags (one per marked element).
    expect(page.match(/"deprecated":true/g)?.length, 'deprecated flags in the page').toBe(3);
    expect(page).toMatch(/"operationId":"createItem"[^]*?"deprecated":true/);
  });

  it('the changelog lists it under Deprecated, with the sunset dates', () => {
    const findings = diffSpecs(base() as Document, deprecatedSpec() as Document, { now: TODAY });
    const entry = changelogEntry(findings, '1.0.0', '1.1.0', 'minor');
    const section = entry.split('**Deprecated**')[1]!.split('**Added**')[0]!;
    expect(section).toContain('- `POST /items`: operation deprecated, sunset 2027-06-30');
    expect(section).toContain('- `query parameter "kind"`: deprecated, no sunset date (`listItems`)');
    expect(section).toContain('- `Item.count`: field deprecated, sunset 2027-03-31 (`listItems`, `createItem`, `getItem`)');
  });
});
