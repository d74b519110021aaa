// `deprecated: true` on an operation, parameter or property reaches the types, the docs and the changelog.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { changelogEntry } from '../src/changelog.js';
import { diffSpecs } from '../src/diff.js';
import { base } from './fixtures/spec-pairs.js';
import { exec, pkgDir } from './helpers.js';

function deprecatedSpec() {
  const s = base();
  s.paths['/items'].post.deprecated = true;
  s.paths['/items'].get.parameters[1].deprecated = true; // kind
  s.components.schemas.Item.properties.count.deprecated = true;
  return s;
}

const dir = mkdtempSync(join(tmpdir(), 'governance-deprecation-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('deprecation', () => {
  it('generated types carry @deprecated (openapi-typescript, as packages/types runs it)', async () => {
    const ts = astToString(await openapiTS(deprecatedSpec() as any, { alphabetize: false, exportType: false }));
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

  it('the changelog lists it under Deprecated', () => {
    const findings = diffSpecs(base(), deprecatedSpec());
    const entry = changelogEntry(findings, '1.0.0', '1.1.0', 'minor');
    const section = entry.split('**Deprecated**')[1]!.split('**')[0]!;
    expect(section).toContain('`POST /items`: operation deprecated');
    expect(section).toContain('parameter deprecated');
    expect(section).toContain('`Item.count`: field deprecated');
  });
});
