// What the release command uploaded, read back from the registry: exactly the public packages, one version
// for all of them, exact ranges only (pnpm rewrote every `workspace:` and `catalog:`), and the fields a
// package on npm is expected to carry.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { repoRoot } from '../src/paths.js';
import { readPackument, type PublishedManifest } from '../src/registry.js';

const registryUrl = inject('registryUrl');
const workspace = readdirSync(join(repoRoot, 'packages')).map(
  (name) =>
    JSON.parse(readFileSync(join(repoRoot, 'packages', name, 'package.json'), 'utf8')) as {
      name: string;
      version: string;
      private?: boolean;
    },
);
const publicNames = workspace.filter((manifest) => manifest.private !== true).map((manifest) => manifest.name);
const DEPENDENCY_FIELDS = ['dependencies', 'peerDependencies', 'optionalDependencies', 'devDependencies'] as const;

const uploaded = new Map<string, PublishedManifest>();
for (const name of publicNames) {
  const packument = await readPackument(registryUrl, name);
  const version = packument?.['dist-tags'].latest;
  if (packument && version) uploaded.set(name, packument.versions[version]!);
}

describe('the published packages', () => {
  it('are exactly the public workspace packages: spec, client, mock, sandbox and mcp; types stay private', async () => {
    expect(publicNames.sort()).toEqual([
      '@session-obs/client',
      '@session-obs/mcp',
      '@session-obs/mock',
      '@session-obs/sandbox',
      '@session-obs/spec',
    ]);
    expect(inject('published').sort()).toEqual(publicNames.map((name) => `${name}@${uploaded.get(name)?.version}`).sort());
    for (const name of workspace.filter((manifest) => manifest.private === true).map((manifest) => manifest.name))
      expect(await readPackument(registryUrl, name), name).toBeUndefined();
  });

  it('share one version, the one in the workspace', () => {
    const versions = new Set(publicNames.map((name) => uploaded.get(name)?.version));
    expect(versions.size).toBe(1);
    for (const manifest of workspace.filter((each) => publicNames.includes(each.name)))
      expect(uploaded.get(manifest.name)?.version).toBe(manifest.version);
  });

  it.each(['@session-obs/client', '@session-obs/mcp', '@session-obs/mock', '@session-obs/sandbox', '@session-obs/spec'])(
    '%s: exact versions only, no workspace: or catalog: range; engines, license, types',
    (name) => {
      const manifest = uploaded.get(name)!;
      for (const field of DEPENDENCY_FIELDS)
        for (const [dependency, range] of Object.entries((manifest[field] ?? {}) as Record<string, string>)) {
          expect(range, `${field}.${dependency}`).not.toMatch(/^(workspace|catalog):/);
          if (field === 'dependencies') expect(range, `${field}.${dependency}`).toMatch(/^\d+\.\d+\.\d+$/);
        }
      expect(manifest.engines).toEqual({ node: '>=20.19.0' });
      expect(manifest.license).toBe('MIT');
      expect(manifest.private).toBeUndefined();
      expect(manifest.types ?? manifest.exports).toBeDefined();
    },
  );

  it('pin the spec package the servers need (its server layer), and the client and spec the MCP server needs, to the versions released with them', () => {
    // The mock and the sandbox run the one server layer, @session-obs/spec/server, at the spec's own version.
    for (const server of ['@session-obs/sandbox', '@session-obs/mock']) {
      const dependencies = uploaded.get(server)!.dependencies as Record<string, string>;
      expect(dependencies['@session-obs/spec'], server).toBe(uploaded.get('@session-obs/spec')?.version);
    }
    const mcp = uploaded.get('@session-obs/mcp')!.dependencies as Record<string, string>;
    for (const name of ['@session-obs/client', '@session-obs/spec']) expect(mcp[name], name).toBe(uploaded.get(name)?.version);
    for (const name of ['@session-obs/client'])
      expect(
        Object.keys((uploaded.get(name)!.dependencies ?? {}) as Record<string, string>).filter((dep) => dep.startsWith('@session-obs/')),
        name,
      ).toEqual([]);
  });

  it('carry the bins consumers run', () => {
    expect(uploaded.get('@session-obs/mock')?.bin).toEqual({ 'session-obs-mock': 'bin/session-obs-mock.js' });
    expect(uploaded.get('@session-obs/sandbox')?.bin).toEqual({ 'session-obs-sandbox': 'bin/session-obs-sandbox.js' });
    expect(uploaded.get('@session-obs/mcp')?.bin).toEqual({ 'session-obs-mcp': 'bin/session-obs-mcp.js' });
  });
});
