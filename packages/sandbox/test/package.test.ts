// What `pnpm publish` would upload: the tarball `pnpm pack` makes (the command publishing runs), read
// back. Its package.json has real version ranges, the files are the run-time ones only, the built code
// needs neither the dev kit, the mock, Prism nor the benchmark's tools, and its types resolve for ESM
// consumers (attw). Installing it from a registry is the release tests' job.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sandbox-pack-'));
let tarball: string;
let files: string[];
let manifest: Record<string, any>;

beforeAll(() => {
  execFileSync('pnpm', ['pack', '--pack-destination', dir], { cwd: packageDir, stdio: 'ignore' });
  tarball = join(
    dir,
    readdirSync(dir).find((name) => name.endsWith('.tgz'))!,
  );
  files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n').sort();
  execFileSync('tar', ['-xzf', tarball, '-C', dir]);
  manifest = JSON.parse(readFileSync(join(dir, 'package', 'package.json'), 'utf8'));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the packed @session-obs/sandbox', () => {
  it('holds the bin, the build, README, LICENSE and package.json: no sources, tests or bench', () => {
    const expected = [
      /^package\/bin\/session-obs-sandbox\.js$/,
      /^package\/dist\/(index|cli|chunk-[\w-]+)\.js$/,
      /^package\/dist\/index\.d\.ts$/,
    ];
    const unexpected = files.filter(
      (file) =>
        !['package/LICENSE', 'package/README.md', 'package/package.json'].includes(file) && !expected.some((pattern) => pattern.test(file)),
    );
    expect(unexpected).toEqual([]);
    expect(files).toEqual(
      expect.arrayContaining(['package/LICENSE', 'package/README.md', 'package/bin/session-obs-sandbox.js', 'package/dist/cli.js']),
    );
  });

  it('has real version ranges: nothing left from workspace: or catalog:', () => {
    const ranges = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'].flatMap((field) =>
      Object.values((manifest[field] ?? {}) as Record<string, string>),
    );
    expect(ranges.filter((range) => /^(workspace|catalog):/.test(range))).toEqual([]);
    const spec = JSON.parse(readFileSync(new URL('../../spec/package.json', import.meta.url), 'utf8')) as { version: string };
    expect(manifest.dependencies).toEqual({ '@session-obs/spec': spec.version, 'better-sqlite3': '12.11.1', pg: '8.23.1' });
    expect(manifest).toMatchObject({
      license: 'MIT',
      engines: { node: '>=20.19.0' },
      bin: { 'session-obs-sandbox': './bin/session-obs-sandbox.js' },
    });
    expect(manifest.private).toBeUndefined();
  });

  it('its built code (and bin) imports only Node, @session-obs/spec (its entries), better-sqlite3 and pg', () => {
    const specifiers = new Set<string>();
    for (const file of files.filter((name) => name.endsWith('.js'))) {
      const code = readFileSync(join(dir, file), 'utf8');
      for (const match of code.matchAll(
        /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g,
      )) {
        specifiers.add(match[1] ?? match[2]!);
      }
    }
    const external = [...specifiers].filter((name) => !name.startsWith('.') && !name.startsWith('node:'));
    const builtins = new Set(['child_process', 'crypto', 'fs', 'http', 'net', 'os', 'path', 'readline', 'url', 'util']);
    expect(external.filter((name) => !builtins.has(name)).sort()).toEqual([
      '@session-obs/spec',
      '@session-obs/spec/node-guard',
      '@session-obs/spec/server',
      'better-sqlite3',
      'pg',
    ]);
  });

  it('its types resolve for ESM consumers (attw)', () => {
    const attw = fileURLToPath(new URL('../node_modules/.bin/attw', import.meta.url));
    expect(() => execFileSync(attw, [tarball, '--profile', 'esm-only'], { stdio: 'pipe' })).not.toThrow();
  });
});
