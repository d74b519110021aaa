// The operation → upstream table and the per-upstream bundles, on the real spec and on the built files.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listOperations, loadSpec, operationUpstreams, splitByUpstream, UpstreamSpecError } from '../src/index.js';

const spec = loadSpec();

/** Every `servers[].url` anywhere in a document (root, Path Items, operations). */
function serverUrls(node: unknown): string[] {
  if (node === null || typeof node !== 'object') return [];
  const own = Array.isArray((node as { servers?: unknown }).servers)
    ? (node as { servers: Array<{ url: string }> }).servers.map((server) => server.url)
    : [];
  return [...own, ...Object.values(node).flatMap(serverUrls)];
}
/** A copy of the spec whose `GET /session-errors` says `security: []`. */
function withoutSecurity() {
  const copy = structuredClone(spec);
  (copy.paths!['/session-errors'] as { get: { security?: unknown[] } }).get.security = [];
  return copy;
}
const isLoopback = (url: string) => /^https?:\/\/(127\.|localhost|\[::1\])/.test(url);

describe('operationUpstreams', () => {
  it('names the server, scheme and client option of every operation', () => {
    const table = operationUpstreams(spec);
    expect(table).toHaveLength(listOperations(spec).length);
    expect(table.find((row) => row.path === '/observability.sessions.get')).toEqual({
      method: 'get',
      path: '/observability.sessions.get',
      operationId: 'getObservabilitySession',
      server: 'https://api.devrev.ai',
      scheme: 'DevRevToken',
      credential: 'devrev',
    });
    for (const row of table.filter((r) => r.path !== '/observability.sessions.get'))
      expect(row, row.operationId).toMatchObject({
        server: 'https://api.metorial.com',
        scheme: 'MetorialSecretKey',
        credential: 'metorial',
      });
  });

  it('refuses a scheme without x-client-option rather than guessing', () => {
    const broken = structuredClone(spec);
    delete (broken.components!.securitySchemes!.DevRevToken as Record<string, unknown>)['x-client-option'];
    expect(() => operationUpstreams(broken)).toThrow('security scheme DevRevToken has no x-client-option');
  });

  it('refuses an operation with `security: []` in one line naming it and what to change', () => {
    const open = withoutSecurity();
    expect(() => operationUpstreams(open)).toThrow(UpstreamSpecError);
    expect(() => operationUpstreams(open)).toThrow(
      "listSessionErrors (GET /session-errors) has `security: []`, so no credential: name its API's security scheme (MetorialSecretKey, DevRevToken), or remove its `security` to take the document's.",
    );
  });
});

describe('scripts/write-upstream-bundles.mjs', () => {
  const script = fileURLToPath(new URL('../scripts/write-upstream-bundles.mjs', import.meta.url));

  it('stops a build on a spec it cannot split: one stderr line, exit 1, nothing written', () => {
    const work = mkdtempSync(join(tmpdir(), 'session-obs-upstreams-'));
    try {
      const open = withoutSecurity();
      const file = join(work, 'openapi.json');
      writeFileSync(file, JSON.stringify(open));
      const run = spawnSync(process.execPath, [script, file, work], { encoding: 'utf8' });
      expect(run.status).toBe(1);
      expect(run.stderr.trimEnd().split('\n')).toEqual([
        expect.stringMatching(/^✖ .*listSessionErrors \(GET \/session-errors\) has `security: \[\]`/),
      ]);
      expect(readdirSync(work)).toEqual(['openapi.json']);
      // The same spec as it is splits into its two bundles.
      writeFileSync(file, JSON.stringify(spec));
      expect(spawnSync(process.execPath, [script, file, work], { encoding: 'utf8' }).status).toBe(0);
      expect(readdirSync(work).sort()).toEqual(['openapi.devrev.json', 'openapi.json', 'openapi.metorial.json']);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

describe('splitByUpstream', () => {
  const parts = splitByUpstream(spec);

  it('gives each upstream its operations, its server and scheme at the root, and only what they use', () => {
    expect(Object.keys(parts).sort()).toEqual(['devrev', 'metorial']);
    const devrev = parts.devrev!;
    expect(Object.keys(devrev.paths!)).toEqual(['/observability.sessions.get']);
    expect(devrev.servers).toEqual([{ url: 'https://api.devrev.ai', description: expect.any(String), 'x-internal': false }]);
    expect(devrev.security).toEqual([{ DevRevToken: [] }]);
    expect(Object.keys(devrev.components!.securitySchemes!)).toEqual(['DevRevToken']);
    expect(devrev.components!.schemas).not.toHaveProperty('SessionError');
    expect(devrev.tags!.map((t) => t.name)).toEqual(['Observability']);
    const metorial = parts.metorial!;
    expect(Object.keys(metorial.paths!)).toHaveLength(9);
    expect(metorial.servers).toEqual([spec.servers![0]]);
    expect(metorial.components!.schemas).not.toHaveProperty('WebObservabilitySession');
    for (const document of Object.values(parts)) expect(serverUrls(document).filter(isLoopback)).toEqual([]);
    // Nothing left a generator could get wrong: no path-level servers; each operation's security is the root's.
    for (const document of Object.values(parts))
      for (const item of Object.values(document.paths!) as Array<Record<string, Record<string, unknown>>>) {
        expect(item).not.toHaveProperty('servers');
        expect(item.get!.security).toEqual(document.security);
      }
  });

  it('leaves no $ref dangling', () => {
    for (const [name, document] of Object.entries(parts)) {
      const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/([^/"]+)\/([^/"]+)"/g)];
      for (const [, kind, component] of refs)
        expect(
          (document.components as Record<string, Record<string, unknown>>)[kind!]?.[component!],
          `${name}: ${kind}/${component}`,
        ).toBeDefined();
    }
  });

  it('is what the build wrote (dist/openapi.<option>.json), with no loopback server in any published bundle', () => {
    const dist = new URL('../dist/', import.meta.url);
    for (const [name, document] of Object.entries(parts))
      expect(JSON.parse(readFileSync(new URL(`openapi.${name}.json`, dist), 'utf8'))).toEqual(document);
    for (const file of ['openapi.json', 'openapi.metorial.json', 'openapi.devrev.json', 'sandbox-api.json']) {
      const document: unknown = JSON.parse(readFileSync(new URL(file, dist), 'utf8'));
      expect(serverUrls(document).length, file).toBeGreaterThan(0);
      expect(serverUrls(document).filter(isLoopback), file).toEqual([]);
    }
    expect(readFileSync(new URL('openapi.yaml', dist), 'utf8')).not.toMatch(/- url: http:/);
  });
});
