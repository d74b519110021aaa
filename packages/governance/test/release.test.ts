// A dry-run release of a changed spec, end to end, in a temporary copy: the repository is untouched.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PUBLISHED, release, setInfoVersion } from '../src/release.js';
import { repoRoot } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'governance-release-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * What a release would touch, hashed, and git's view of the paths only a release writes (other
 * engineers edit the rest of the tree meanwhile). `--no-optional-locks`: no index refresh.
 */
function fingerprint(): string {
  const files = [
    'package.json',
    'openapi/openapi.yaml',
    ...PUBLISHED.map((pkg) => `${pkg.dir}/package.json`),
    'packages/governance/baseline/openapi.json',
    'packages/governance/baseline/version.json',
  ];
  const hash = createHash('sha256');
  for (const f of files) hash.update(`${f}\n${readFileSync(join(repoRoot, f))}`);
  hash.update(readdirSync(join(repoRoot, '.changeset')).join(','));
  for (const f of [...PUBLISHED.map((pkg) => `${pkg.dir}/CHANGELOG.md`), 'artifacts', 'packages/client/artifacts'])
    hash.update(`${f}:${existsSync(join(repoRoot, f))}`);
  const git = spawnSync(
    'git',
    ['--no-optional-locks', 'status', '--porcelain', '--', '.changeset', 'packages/governance/baseline', 'artifacts'],
    { cwd: repoRoot, encoding: 'utf8' },
  );
  return `${hash.digest('hex')}\n${git.stdout}`;
}

describe('release --dry-run', () => {
  it('versions, writes the changelog from the spec diff, packs and checks, and leaves the repo as it was', () => {
    // The current bundle plus a new optional parameter and a deprecated operation. Against the recorded
    // release (1.0.0) the current spec is already a major change (per-upstream credentials, array filters:
    // info.version 2.0.0), so the release is major.
    const spec = JSON.parse(readFileSync(join(repoRoot, 'packages/spec/dist/openapi.json'), 'utf8'));
    const op = spec.paths['/session-errors'].get;
    op.parameters.push({ name: 'search', in: 'query', required: false, schema: { type: 'string', maxLength: 200 } });
    Object.assign(spec.paths['/sessions/{session_id}/events'].get, { deprecated: true, 'x-sunset': '2099-12-31' });
    const bundle = join(dir, 'openapi.json');
    writeFileSync(bundle, JSON.stringify(spec));

    const before = fingerprint();
    const lines: string[] = [];
    const result = release({ root: repoRoot, spec: bundle, dryRun: true, log: (l) => lines.push(l) });
    const output = lines.join('\n');

    expect(result.ok, output).toBe(true);
    expect(result.bump).toBe('major');
    expect(result.from).toBe('1.0.0');
    expect(result.to).toBe('2.0.0');
    const client = result.packages['@session-obs/client']!;
    expect(Object.keys(result.packages).sort()).toEqual(PUBLISHED.map((pkg) => pkg.name).sort());
    for (const versions of Object.values(result.packages)) expect(versions.to).toBe(client.to); // one fixed group
    expect(client.to.split('.')[0]).toBe(String(Number(client.from.split('.')[0]) + 1));
    expect(result.changelog).toContain('**Added**');
    expect(result.changelog).toContain('- `query parameter "search"`: new optional parameter, string, optional (`listSessionErrors`)');
    expect(result.changelog).toContain('**Deprecated**');
    expect(result.changelog).toContain('- `GET /sessions/{session_id}/events`: operation deprecated, sunset 2099-12-31');
    expect(output).toContain('│ ### Major Changes');
    expect(result.tarballs.map((t) => t.split('/').pop()).sort()).toEqual(
      ['client', 'mcp', 'mock', 'sandbox', 'spec'].map((name) => `session-obs-${name}-${client.to}.tgz`),
    );
    expect(result.checks.filter((c) => c.ran && /attw/.test(c.name))).toHaveLength(5);
    expect(output).toMatch(/▸ \[7\/7\] checking the tarballs/);

    expect(existsSync(result.workDir)).toBe(false);
    expect(fingerprint()).toBe(before);
  }, 300_000); // packs and checks four packages: minutes when the machine is shared

  it('sets info.version in the YAML root document without touching other versions', () => {
    const yaml = 'openapi: 3.1.0\ninfo:\n  title: X\n  version: 1.0.0\n  license:\n    name: MIT\ncomponents:\n  x:\n    version: 9.9.9\n';
    expect(setInfoVersion(yaml, '2.0.0')).toBe(yaml.replace('version: 1.0.0', 'version: 2.0.0'));
  });
});
