import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOperations, loadSpec } from '@session-obs/spec';
import { stateFileOf } from '../src/dev/dev-page.js';
import { prepareSpec } from '../src/page.js';
import { serveDocs, siteDir } from '../src/serve.js';

const html = readFileSync(join(siteDir, 'index.html'), 'utf8');
const built = JSON.parse(readFileSync(join(siteDir, 'openapi.json'), 'utf8'));
const state = JSON.parse(readFileSync(join(siteDir, stateFileOf(html)), 'utf8'));
/** The page's scripts and stylesheets/preloads by URL, and its inline scripts a browser runs. */
const scriptSources = [...html.matchAll(/<script[^>]*\ssrc="([^"]*)"/g)].map((match) => match[1]!);
const linkTargets = [...html.matchAll(/<link[^>]*\shref="([^"]*)"/g)].map((match) => match[1]!);
/** The modules the inline entry imports (Redoc's script, asked for after the first paint). */
const imports = [...html.matchAll(/import\('\.\/([^']+)'\)/g)].map((match) => match[1]!);
const inlineScripts = [...html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)]
  .filter(([, attributes = '']) => !/\ssrc=|type="application\/json"/.test(attributes))
  .map(([, , body = '']) => body);
const operations = listOperations(loadSpec());
let server: Awaited<ReturnType<typeof serveDocs>>;
beforeAll(async () => {
  server = await serveDocs({ port: 0 });
});
afterAll(() => server?.close());

describe('built docs site', () => {
  it('embeds every operation of the spec (prerendered, and in the state Redoc hydrates with)', () => {
    for (const { operationId } of operations) expect(html).toContain(operationId);
    expect(state.definition.paths).toEqual(built.paths);
  });

  it('loads its scripts and Redoc state from content-hashed files of the site: nothing big inline, no CDN, telemetry off', () => {
    expect(scriptSources.length).toBe(1);
    expect(imports.length).toBe(1);
    for (const url of [...scriptSources, ...linkTargets, ...imports]) {
      expect(url, url).not.toMatch(/^(https?:)?\/\//);
      expect(existsSync(join(siteDir, url)), url).toBe(true);
    }
    const hashed = [...scriptSources, ...linkTargets, ...imports].filter((url) => /\.[0-9a-f]{12}\.(js|json)$/.test(url));
    expect(hashed.map((url) => url.replace(/\.[0-9a-f]{12}\./, '.*.')).sort()).toEqual(['redoc-state.*.json', 'redoc.*.js', 'try-it.*.js']);
    // A name follows its content: the file's hash is the hash in its name.
    for (const url of hashed)
      expect(url).toContain(
        createHash('sha256')
          .update(readFileSync(join(siteDir, url)))
          .digest('hex')
          .slice(0, 12),
      );
    // Inline: Redoc's color-mode snippet and the few lines that start the hydration (the 2.4 MB bundle is gone).
    expect(inlineScripts.length).toBe(2);
    for (const script of inlineScripts) expect(script.length).toBeLessThan(1024);
    expect(html).not.toContain('__redoc_definition');
    // Redoc's prerendered links route by fragment, as its hydrated page does: a tap before the hydration stays on the page.
    expect(html).toContain(' href="#/session-errors"');
    expect(html).not.toMatch(/\shref="\/(?!\/)/);
    expect(Buffer.byteLength(html)).toBeLessThan(512 * 1024);
    for (const file of [html, ...hashed.map((url) => readFileSync(join(siteDir, url), 'utf8'))]) {
      expect(file).not.toContain('cdn.redoc.ly');
      expect(file).not.toContain('cdn.redocly.com/redoc');
    }
    expect(state.options.disableTelemetry).toBe(true);
    expect(html.startsWith('<!doctype html>\n<html')).toBe(true);
    expect(
      readdirSync(siteDir)
        .map((name) => name.replace(/\.[0-9a-f]{12}\./, '.*.'))
        .sort(),
    ).toEqual([
      '_headers',
      'changelog.html',
      'changelog.html.br',
      'changelog.html.gz',
      'favicon.svg',
      'index.html',
      'index.html.br',
      'index.html.gz',
      'llms-full.txt',
      'llms-full.txt.br',
      'llms-full.txt.gz',
      'llms.txt',
      'llms.txt.br',
      'llms.txt.gz',
      'logo.svg',
      'openapi.json',
      'openapi.json.br',
      'openapi.json.gz',
      'operations',
      'redoc-state.*.json',
      'redoc-state.*.json.br',
      'redoc-state.*.json.gz',
      'redoc.*.js',
      'redoc.*.js.br',
      'redoc.*.js.gz',
      'redocly-logo-mini.svg',
      'redocly-logo.svg',
      'try-it.*.js',
      'try-it.*.js.br',
      'try-it.*.js.gz',
    ]);
  });

  it('publishes only production servers: the observability operation on DevRev, the rest on Metorial, no loopback', () => {
    expect(built.servers.map((server: { url: string }) => server.url)).toEqual(['https://api.metorial.com']);
    expect(built.paths['/observability.sessions.get'].servers.map((server: { url: string }) => server.url)).toEqual([
      'https://api.devrev.ai',
    ]);
    expect(JSON.stringify(built)).not.toMatch(/"url":\s*"https?:\/\/(127\.|localhost)/);
  });

  it('tells readers how to get @session-obs/client, which the TypeScript samples import', () => {
    // The release tests run these commands (root README, "Install the packages").
    const overview = String(built.info.description);
    expect(overview).toContain('`npm install @session-obs/client`');
    expect(overview).toContain('`pnpm --filter @session-obs/client pack --pack-destination /tmp/session-obs-tarballs`');
    expect(overview).toContain('`npm install /tmp/session-obs-tarballs/session-obs-client-*.tgz`');
  });

  it('carries the samples the generator makes from the current spec (no stale build)', () => {
    const fresh = prepareSpec(loadSpec()).spec;
    for (const { path, method, operationId } of operations) {
      const samples = built.paths[path][method]['x-codeSamples'];
      expect(
        samples.map((s: { label: string }) => s.label),
        operationId,
      ).toEqual(['curl', 'TypeScript', 'fetch']);
      expect(samples).toEqual(fresh.paths[path][method]['x-codeSamples']);
      // Redoc hydrates with the same samples (its state file).
      expect(state.definition.paths[path][method]['x-codeSamples']).toEqual(samples);
    }
  });

  it('has curl samples that parse as shell and fetch samples that parse as JavaScript modules', () => {
    const dir = mkdtempSync(join(tmpdir(), 'docs-samples-'));
    for (const { path, method, operationId } of operations) {
      const [curl, , fetchSample] = built.paths[path][method]['x-codeSamples'];
      writeFileSync(join(dir, `${operationId}.sh`), curl.source);
      writeFileSync(join(dir, `${operationId}.mjs`), fetchSample.source);
      execFileSync('bash', ['-n', join(dir, `${operationId}.sh`)]);
      execFileSync(process.execPath, ['--check', join(dir, `${operationId}.mjs`)]);
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('is served as HTML, with content types for its other files', async () => {
    const response = await fetch(server.url + '/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('Session Observability API');
    expect((await fetch(server.url + '/favicon.svg')).headers.get('content-type')).toBe('image/svg+xml');
    expect((await fetch(server.url + '/openapi.json')).headers.get('content-type')).toBe('application/json; charset=utf-8');
  });

  it('answers 404 for a missing file and refuses to leave its folder', async () => {
    expect((await fetch(server.url + '/nope.js')).status).toBe(404);
    expect((await fetch(server.url + '/..%2f..%2fpackage.json')).status).toBe(403);
    expect((await fetch(server.url + '/', { method: 'POST' })).status).toBe(405);
  });
});
