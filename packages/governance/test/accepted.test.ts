// The record of breaking changes accepted for an unreleased major: read and written beside the snapshot,
// refused when malformed, and dropped when a release replaces that snapshot.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ACCEPTED_FILE, readAccepted, writeAccepted } from '../src/accepted.js';
import { GovernanceError } from '../src/errors.js';
import { RULES, type Finding, type RuleId } from '../src/rules/index.js';
import { writeSnapshot } from '../src/snapshots.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'governance-accepted-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const finding = (rule: RuleId, severity: Finding['severity'], field: string): Finding => ({
  rule,
  severity,
  category: RULES[rule].category,
  operationId: 'listThings',
  operation: 'GET /things',
  field,
  pointer: '/x',
  before: 'a',
  after: 'b',
});
const spec = { openapi: '3.1.0', info: { title: 't', version: '0.0.0' }, paths: {} };

describe('accepted breaking changes', () => {
  it('records each breaking finding once, sorted, and reads it back; other findings are not recorded', () => {
    const dir = tempDir();
    const count = writeAccepted(dir, '2.0.0', [
      finding('parameter-removed', 'breaking', 'query parameter "b"'),
      finding('parameter-removed', 'breaking', 'query parameter "a"'),
      finding('parameter-removed', 'breaking', 'query parameter "a"'),
      finding('parameter-added-optional', 'info', 'query parameter "c"'),
    ]);
    expect(count).toBe(2);
    expect(readAccepted(dir)).toEqual({
      version: '2.0.0',
      changes: ['parameter-removed GET /things: query parameter "a"', 'parameter-removed GET /things: query parameter "b"'],
    });
  });

  it('is absent until written, and a malformed one is a GovernanceError naming the file', () => {
    const dir = tempDir();
    expect(readAccepted(dir)).toBeUndefined();
    writeFileSync(join(dir, ACCEPTED_FILE), '{"version": "2.0.0", "changes": "all"}');
    expect(() => readAccepted(dir)).toThrow(GovernanceError);
    expect(() => readAccepted(dir)).toThrow(`${join(dir, ACCEPTED_FILE)} needs "version" (a string) and "changes" (a list of strings)`);
  });

  it('is dropped when a release replaces the snapshot, and kept when the same version is written again', () => {
    const dir = tempDir();
    writeSnapshot(dir, spec, { version: '1.0.0', packages: {} });
    writeAccepted(dir, '2.0.0', [finding('parameter-removed', 'breaking', 'query parameter "a"')]);
    writeSnapshot(dir, spec, { version: '1.0.0', packages: {} });
    expect(existsSync(join(dir, ACCEPTED_FILE))).toBe(true);
    writeSnapshot(dir, spec, { version: '2.0.0', packages: {} });
    expect(existsSync(join(dir, ACCEPTED_FILE))).toBe(false);
    expect(JSON.parse(readFileSync(join(dir, 'version.json'), 'utf8'))).toMatchObject({ version: '2.0.0' });
  });
});
