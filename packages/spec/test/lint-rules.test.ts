// Our own Spectral rules must fire on a document that breaks them (a rule that cannot fail is no rule).
// The real documents are linted by the package's `lint` script (inside `pnpm test`), not here: this test
// runs Spectral once, on the small fixture only, without blocking the worker.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const FIXTURE = join('test', 'fixtures', 'rule-violations.json');

interface Finding {
  code: string;
  message: string;
  path: string[];
}

/** Spectral's findings on a file with our ruleset (it exits non-zero when there are any). */
async function lint(file: string): Promise<Finding[]> {
  const args = ['lint', file, '--ruleset', '.spectral.yaml', '--format', 'json', '--quiet'];
  try {
    await promisify(execFile)(join(root, 'node_modules', '.bin', 'spectral'), args, { cwd: root });
    return [];
  } catch (error: any) {
    if (typeof error.stdout !== 'string' || !error.stdout.trim().startsWith('[')) throw error;
    return JSON.parse(error.stdout) as Finding[];
  }
}

let findings: Finding[] = [];
// The run itself takes about 1.5 s of CPU; the limit only catches a hung child. It is wide because turbo
// runs every package's tests at once and this child then waits for a core (it timed out at 30 s that way).
beforeAll(async () => {
  findings = await lint(FIXTURE);
}, 180_000);
const of = (code: string) => findings.filter((finding) => finding.code === code);

describe('custom Spectral rules', () => {
  it.each([
    'list-operation-paging-parameters',
    'list-operation-returns-list-envelope',
    'operation-summary',
    'operation-id-camel-case',
    'operation-declares-401',
    'operation-names-its-security',
    'error-responses-are-shared',
    'id-property-has-example',
    'response-has-example',
    'parameter-has-example',
    'object-declares-its-shape',
  ])('%s fires on the violating fixture', (code) => {
    expect(of(code).length, JSON.stringify(findings.map((finding) => finding.code))).toBeGreaterThan(0);
  });

  it('names each missing paging parameter', () => {
    const missing = of('list-operation-paging-parameters').map((finding) => finding.message);
    expect(missing.join('\n')).toMatch(/`cursor`/);
    expect(missing.join('\n')).toMatch(/`order`/);
    expect(missing.join('\n')).not.toMatch(/`limit`/);
  });

  it('asks a 401 only of operations that take a token (not of `security: []`)', () => {
    expect(of('operation-declares-401').map((finding) => finding.path.join('.'))).toEqual(['paths./things.get.responses']);
  });

  it('asks each operation to name its security, and takes `security: []` as named', () => {
    expect(of('operation-names-its-security').map((finding) => finding.path.join('.'))).toEqual(['paths./things.get']);
  });

  it('flags each free-form object that does not say so, and only those', () => {
    expect(of('object-declares-its-shape').map((finding) => finding.path.join('.'))).toEqual([
      'paths./things.get.responses.400.content.application/json.schema',
      'components.schemas.Thing.properties.data',
      'components.schemas.Thing.properties.meta',
    ]);
  });
});
