// Reading documents: the bundles load as OpenAPI documents; a file that is JSON but no OpenAPI document
// is refused with an error naming it, not returned as if it were one.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundlePath, isOpenApiDocument, loadSpec, sandboxApiPath } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'spec-load-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `value` as JSON to a file of `dir`; returns its path. */
function jsonFile(name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
}

describe('loadSpec', () => {
  it('loads both bundles as OpenAPI 3.1 documents', () => {
    for (const path of [bundlePath, sandboxApiPath]) {
      const document = loadSpec(path);
      expect(document.openapi).toMatch(/^3\.1\./);
      expect(typeof document.info.title).toBe('string');
      expect(Object.keys(document.paths ?? {}).length).toBeGreaterThan(0);
    }
  });

  it.each([
    ['an array', []],
    ['an object without openapi', { info: { title: 't', version: '1' }, paths: {} }],
    ['a Swagger 2 document', { swagger: '2.0', info: { title: 't', version: '1' } }],
    ['an OpenAPI version that is no 3.x', { openapi: '4.0.0', info: { title: 't', version: '1' } }],
    ['a document without info', { openapi: '3.1.0', paths: {} }],
  ])('refuses %s, naming the file', (name, value) => {
    const path = jsonFile(`${name.replace(/\W+/g, '-')}.json`, value);
    expect(() => loadSpec(path)).toThrow(`${path} is not an OpenAPI 3.x document (no "openapi" version or no "info")`);
  });

  it('refuses a file that is not JSON with the parser’s error', () => {
    const path = join(dir, 'broken.json');
    writeFileSync(path, '{ "openapi": ');
    expect(() => loadSpec(path)).toThrow(SyntaxError);
  });
});

describe('isOpenApiDocument', () => {
  it('accepts a 3.0 or 3.1 document and nothing else', () => {
    expect(isOpenApiDocument({ openapi: '3.1.0', info: { title: 't', version: '1' } })).toBe(true);
    expect(isOpenApiDocument({ openapi: '3.0.3', info: { title: 't', version: '1' } })).toBe(true);
    for (const value of [null, 'openapi', 3.1, [], { openapi: 3.1, info: {} }, { openapi: '3.1.0', info: null }])
      expect(isOpenApiDocument(value), JSON.stringify(value)).toBe(false);
  });
});
