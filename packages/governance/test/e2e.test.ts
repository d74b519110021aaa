// Edits a copy of the real openapi/ tree and runs check:breaking's CLI against its bundle.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setInfoVersion } from '../src/release.js';
import { bundle, repoRoot, runCli } from './helpers.js';

let dir: string;
const edit = (file: string, fn: (text: string) => string) => {
  const path = join(dir, 'openapi', file);
  const before = readFileSync(path, 'utf8');
  const after = fn(before);
  expect(after, `edit of ${file} changed nothing`).not.toBe(before);
  writeFileSync(path, after);
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'governance-e2e-'));
  cpSync(join(repoRoot, 'openapi'), join(dir, 'openapi'), { recursive: true });
  // Drop a response property: SessionError.code (and its `required` entry).
  edit('components/schemas/SessionError.yaml', (t) => t.replace(/^ {2}- code\n/m, '').replace(/^ {2}code:\n(?: {4}.*\n)+/m, ''));
  // Require an optional parameter: limit.
  edit('components/parameters/Limit.yaml', (t) => t.replace(/^required: false$/m, 'required: true'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('check:breaking on an edited copy of the real spec', () => {
  it('fails with the right findings, then passes after a major bump', () => {
    const out = join(dir, 'openapi.json');
    bundle(join(dir, 'openapi/openapi.yaml'), out);
    const failed = runCli('check', '--spec', out);
    expect(failed.code, failed.out).toBe(1);
    const lines = failed.out.split('\n');
    expect(lines).toContainEqual(
      expect.stringContaining(
        '✖ listSessionErrors  /paths/~1session-errors/get/responses/200/content/application~1json/schema/properties/items/items/properties/code  response-property-removed  string → (absent)  (defined at #/components/schemas/SessionError/properties/code)',
      ),
    );
    expect(lines).toContainEqual(expect.stringContaining('✖ getSessionError  '));
    expect(lines).toContainEqual(
      expect.stringContaining(
        '✖ listSessionErrors  /paths/~1session-errors/get/parameters/0/required  parameter-made-required  optional → required  (defined at #/components/parameters/Limit/required)',
      ),
    );
    expect(failed.out).toMatch(/raise info\.version to 2\.0\.0/);
    // Only these two edits are breaking (each reported for every operation it reaches).
    const rules = new Set(lines.filter((l) => l.includes('  ✖ ')).map((l) => l.split('  ')[3]));
    expect([...rules].sort()).toEqual(['parameter-made-required', 'response-property-removed']);

    const yaml = join(dir, 'openapi/openapi.yaml');
    writeFileSync(yaml, setInfoVersion(readFileSync(yaml, 'utf8'), '2.0.0'));
    bundle(yaml, out);
    const passed = runCli('check', '--spec', out);
    expect(passed.code, passed.out).toBe(0);
    expect(passed.out).toMatch(/allowed: info\.version major raised 1\.0\.0 → 2\.0\.0/);
  });
});
