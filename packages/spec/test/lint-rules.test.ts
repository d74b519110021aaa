// Our own Spectral rules must fire on a document that breaks them (a rule that cannot fail is no rule).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

function lint(file: string): Array<{ code: string; message: string; path: string[] }> {
  try {
    execFileSync(
      join(root, 'node_modules', '.bin', 'spectral'),
      ['lint', file, '--ruleset', '.spectral.yaml', '--format', 'json', '--quiet'],
      { cwd: root, encoding: 'utf8' },
    );
    return [];
  } catch (error: any) {
    return JSON.parse(error.stdout);
  }
}

describe('custom Spectral rules', () => {
  const findings = lint(join('test', 'fixtures', 'rule-violations.json'));
  const codes = new Set(findings.map((f) => f.code));

  it.each([
    'list-operation-paging-parameters',
    'list-operation-returns-list-envelope',
    'operation-summary',
    'operation-id-camel-case',
    'operation-declares-401',
    'error-responses-are-shared',
    'id-property-has-example',
    'response-has-example',
    'parameter-has-example',
  ])('%s fires on the violating fixture', (code) => {
    expect(codes).toContain(code);
  });

  it('names each missing paging parameter', () => {
    const missing = findings.filter((f) => f.code === 'list-operation-paging-parameters').map((f) => f.message);
    expect(missing.join('\n')).toMatch(/`cursor`/);
    expect(missing.join('\n')).toMatch(/`order`/);
    expect(missing.join('\n')).not.toMatch(/`limit`/);
  });

  it('asks a 401 only of operations that take a token (not of `security: []`)', () => {
    expect(findings.filter((f) => f.code === 'operation-declares-401').map((f) => f.path.join('.'))).toEqual([
      'paths./things.get.responses',
    ]);
  });

  it('the real bundle is clean', () => {
    expect(lint(join('dist', 'openapi.json'))).toEqual([]);
  });
});
