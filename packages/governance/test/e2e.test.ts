// Edits a copy of the real openapi/ tree and runs check:breaking's CLI against its bundle, in each
// output format, the way CI and a reviewer run it.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GateResult } from '../src/gate.js';
import { setInfoVersion } from '../src/release.js';
import { writeSnapshot } from '../src/snapshots.js';
import { bundle, repoRoot, runCli } from './helpers.js';

let dir: string;
let out: string;
let base: string;
// The gate compares with the last release; here the release is the unedited spec as it is now (its own
// info.version), so only the edits below can break — whatever the current spec already changed since the
// repository's recorded release.
const current = JSON.parse(readFileSync(join(repoRoot, 'packages/spec/dist/openapi.json'), 'utf8')) as { info: { version: string } };
const version = current.info.version;
const nextMajor = `${Number(version.split('.')[0]) + 1}.0.0`;
const check = (...args: string[]) => runCli('check', '--base', base, ...args);
const edit = (file: string, fn: (text: string) => string) => {
  const path = join(dir, 'openapi', file);
  const before = readFileSync(path, 'utf8');
  const after = fn(before);
  expect(after, `edit of ${file} changed nothing`).not.toBe(before);
  writeFileSync(path, after);
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'governance-e2e-'));
  out = join(dir, 'openapi.json');
  base = join(dir, 'release');
  writeSnapshot(base, current as never, { version, packages: {} });
  cpSync(join(repoRoot, 'openapi'), join(dir, 'openapi'), { recursive: true });
  // Drop a required response property: SessionError.code (and its `required` entry).
  edit('components/schemas/SessionError.yaml', (t) => t.replace(/^ {2}- code\n/m, '').replace(/^ {2}code:\n(?: {4}.*\n)+/m, ''));
  // Require an optional parameter: limit.
  edit('components/parameters/Limit.yaml', (t) => t.replace(/^required: false$/m, 'required: true'));
  // Drop an optional response header of the 429 response: narrowing a response, a warning only.
  edit('components/responses/TooManyRequests.yaml', (t) => t.replace(/^ {2}Access-Control-Allow-Origin:\n {4}\$ref: .*\n/m, ''));
  bundle(join(dir, 'openapi/openapi.yaml'), out);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('check:breaking on an edited copy of the real spec', () => {
  it('fails with findings a reviewer can act on: operation, field in words, rule, before → after, pointer', () => {
    const failed = check('--spec', out);
    expect(failed.code, failed.out).toBe(1);
    expect(failed.out).toContain(
      '✖ response-required-property-removed  listSessionErrors (GET /session-errors)  response property "items[].code" (200): string → (absent)\n' +
        '      /paths/~1session-errors/get/responses/200/content/application~1json/schema/properties/items/items/properties/code  (defined at #/components/schemas/SessionError/properties/code)',
    );
    expect(failed.out).toContain(
      '✖ response-required-property-removed  getSessionError (GET /sessions/{session_id}/errors/{session_error_id})',
    );
    expect(failed.out).toContain(
      '✖ parameter-made-required  listSessionErrors (GET /session-errors)  query parameter "limit": optional → required\n' +
        '      /paths/~1session-errors/get/parameters/0/required  (defined at #/components/parameters/Limit/required)',
    );
    expect(failed.out).toMatch(
      /⚠ response-optional-header-removed {2}\w+ \(GET [^)]+\) {2}response header "Access-Control-Allow-Origin" \(429\)/,
    );
    expect(failed.out).toContain(`raise info.version to ${nextMajor}`);
  });

  it('--format json: every finding with its rule, severity, field and pointer; only these edits break', () => {
    const { code, out: text } = check('--spec', out, '--format', 'json');
    expect(code).toBe(1);
    const result = JSON.parse(text) as GateResult;
    expect(result.ok).toBe(false);
    const breaking = new Set(result.findings.filter((f) => f.severity === 'breaking').map((f) => f.rule));
    expect([...breaking].sort()).toEqual(['parameter-made-required', 'response-required-property-removed']);
    expect(result.counts.breaking).toBe(result.findings.filter((f) => f.severity === 'breaking').length);
    expect(result.findings.find((f) => f.rule === 'parameter-made-required' && f.operationId === 'listSessionErrors')).toMatchObject({
      operationId: 'listSessionErrors',
      operation: 'GET /session-errors',
      field: 'query parameter "limit"',
      pointer: '/paths/~1session-errors/get/parameters/0/required',
      before: 'optional',
      after: 'required',
    });
  });

  it('--format markdown: a summary line and one table row per finding', () => {
    const { code, out: text } = check('--spec', out, '--format', 'markdown');
    expect(code).toBe(1);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(new RegExp(`^### ✖ API contract check: \\d+ breaking change\\(s\\) since ${version.replace(/\./g, '\\.')}`));
    const json = JSON.parse(check('--spec', out, '--format', 'json').out) as GateResult;
    const rows = lines.filter((line) => /^\| [✖⚠·] /.test(line));
    expect(rows).toHaveLength(json.findings.length);
    expect(rows).toContainEqual(
      '| ✖ breaking | `parameter-made-required` | `listSessionErrors`<br>GET /session-errors | query parameter "limit"<br><sub>`/paths/~1session-errors/get/parameters/0/required` (defined at `#/components/parameters/Limit/required`)</sub> | optional → required |',
    );
  });

  it('after a major bump, passes once the breaking changes are accepted, and fails again on a new one', () => {
    const copy = join(dir, 'major');
    cpSync(join(dir, 'openapi'), copy, { recursive: true });
    const yaml = join(copy, 'openapi.yaml');
    writeFileSync(yaml, setInfoVersion(readFileSync(yaml, 'utf8'), nextMajor));
    const bumped = join(dir, 'major.json');
    bundle(yaml, bumped);
    const unaccepted = check('--spec', bumped);
    expect(unaccepted.code, unaccepted.out).toBe(1);
    expect(unaccepted.out).toMatch(new RegExp(`✖ \\d+ breaking change\\(s\\) not yet accepted for ${nextMajor}`));
    expect(unaccepted.out).toContain('pnpm check:breaking --accept');

    const accepted = check('--spec', bumped, '--accept');
    expect(accepted.code, accepted.out).toBe(0);
    expect(accepted.out).toMatch(new RegExp(`✔ accepted \\d+ breaking change\\(s\\) for ${nextMajor}`));
    const passed = check('--spec', bumped);
    expect(passed.code, passed.out).toBe(0);
    expect(passed.out).toContain(`allowed: info.version major raised ${version} → ${nextMajor}, each accepted`);

    // A later break during the same unreleased major is caught, alone: drop the `desc` order.
    const order = join(copy, 'components/parameters/Order.yaml');
    const text = readFileSync(order, 'utf8');
    writeFileSync(order, text.replace(/^ {4}- desc\n/m, ''));
    expect(readFileSync(order, 'utf8')).not.toBe(text);
    bundle(yaml, bumped);
    const later = check('--spec', bumped, '--format', 'json');
    expect(later.code, later.out).toBe(1);
    const result = JSON.parse(later.out) as GateResult;
    expect(result.unaccepted.length).toBeGreaterThan(0);
    expect(new Set(result.unaccepted.map((f) => f.field))).toEqual(new Set(['query parameter "order"']));
    rmSync(join(base, 'accepted-breaking.json'));
  });

  it('--accept without a raised major is refused: it records changes for a major release only', () => {
    const refused = check('--spec', out, '--accept');
    expect(refused.code, refused.out).toBe(2);
    expect(refused.out.trim().split('\n')).toHaveLength(1);
    expect(refused.out).toContain(
      `✖ --accept records breaking changes for a major release: raise info.version to ${nextMajor} in openapi/openapi.yaml first`,
    );
  });
});

describe('the CLI on bad input', () => {
  it.each([
    [['check', '--spec', '/nonexistent/openapi.json'], /^✖ no bundle at \/nonexistent\/openapi\.json/],
    [['check', '--format', 'yaml'], /^✖ --format takes text, markdown or json, not "yaml"/],
    [['check', '--today', '2027-13-01'], /^✖ --today takes a date YYYY-MM-DD, not "2027-13-01"/],
    [['check', '--colour'], /^✖ Unknown option '--colour'/],
    [['frobnicate'], /^✖ unknown command "frobnicate"/],
  ])('%j: one line and exit 2, no stack trace', (args, message) => {
    const { code, out: text } = runCli(...args);
    expect(code).toBe(2);
    expect(text).toMatch(message);
    expect(text.trim().split('\n'), text).toHaveLength(1);
  });
});
