// The built site as our docs server sends it (the default configuration `pnpm start` uses): security
// headers (a CSP computed from the page and the configured servers, no framing, no referrer, nosniff),
// a loopback-only `Host`, the local servers' actual ports in the page and the spec, compression and
// ETag revalidation; and `dist/_headers`, the same headers for a static host.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawExchange } from '@session-obs/devkit/fuzz';
import { loadSpec } from '@session-obs/spec';
import { serveDocs, siteDir } from '../src/serve.js';
import { localConsoleConfig } from '../src/try-it-config.js';

type Served = Awaited<ReturnType<typeof serveDocs>>;
const built = readFileSync(join(siteDir, 'index.html'), 'utf8');
const spec = loadSpec();
// Ports other than the spec's 4010/4020, as `MOCK_PORT=5010 SANDBOX_PORT=5020 pnpm start` would run them.
const mockUrl = 'http://127.0.0.1:5010';
const sandboxUrl = 'http://127.0.0.1:5020';
const consoleConfig = localConsoleConfig(spec, { mock: { url: mockUrl }, sandbox: { url: sandboxUrl, token: 'metorial_sk_sandbox_dev' } });
let plain: Served;
let local: Served;
beforeAll(async () => {
  plain = await serveDocs({ port: 0 });
  local = await serveDocs({ port: 0, consoleConfig });
});
afterAll(async () => {
  await plain?.close();
  await local?.close();
});

/** A GET with the headers given (node:http, so `Host` can be anything); resolves with status, headers, raw body. */
function get(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.once('error', reject);
    req.end();
  });
}
/** The directives of a CSP, by name. */
const directives = (csp: string) =>
  new Map(
    csp
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values]),
  );
/** The inline scripts a browser would run in `html` (a script with `src` is a file of our origin: 'self'). */
const inlineScripts = (html: string) =>
  [...html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)]
    .filter(([, attributes = '']) => !/type="application\/json"|\ssrc=/.test(attributes))
    .map(([, , body = '']) => body);

describe('our docs server sends the site like a real one', () => {
  it('sends a CSP: scripts from our origin or hashed (every inline script), no eval, connections only to the configured servers, no framing', async () => {
    const response = await get(local.url + '/');
    const html = response.body.toString('utf8');
    const csp = directives(String(response.headers['content-security-policy']));
    const scripts = inlineScripts(html);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts)
      expect(csp.get('script-src')).toContain(`'sha256-${createHash('sha256').update(script).digest('base64')}'`);
    expect(String(response.headers['content-security-policy'])).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    const servers = consoleConfig.servers.map((server) => new URL(server.url).origin);
    expect(csp.get('connect-src')).toEqual(expect.arrayContaining(["'self'", ...servers]));
    expect(csp.get('connect-src')).not.toContain('http://127.0.0.1:4010');
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
    for (const path of ['/logo.svg', '/openapi.json', '/missing'])
      expect((await get(local.url + path)).headers['x-content-type-options'], path).toBe('nosniff');
  });

  it('refuses a Host it does not serve while bound to loopback, with a one-line reason', async () => {
    const refused = await get(plain.url + '/', { Host: 'attacker.example:8080' });
    expect(refused.status).toBe(421);
    expect(refused.body.toString()).toMatch(
      /^421 unknown_host: this docs server answers only 127\.0\.0\.1:\d+, localhost:\d+.*"attacker\.example:8080"/,
    );
    for (const host of [`127.0.0.1:${plain.port}`, `localhost:${plain.port}`, `[::1]:${plain.port}`])
      expect((await get(plain.url + '/', { Host: host })).status, host).toBe(200);
    expect((await get(plain.url + '/', { Host: `localhost:${plain.port + 1}` })).status).toBe(421);
  });

  it('refuses a request with two Host headers (Node would keep the first; a proxy may route by the other)', async () => {
    const request = `GET / HTTP/1.1\r\nHost: 127.0.0.1:${plain.port}\r\nHost: attacker.example\r\n\r\n`;
    const answer = await rawExchange(Buffer.from(request), { host: '127.0.0.1', port: plain.port, method: 'GET', hangAfterMs: 5000 });
    expect(answer.status).toBe(400);
    expect(answer.body.toString('utf8')).toBe('400 bad_request: the request has more than one Host header.\n');
  });

  it.each([
    ['GET / HTTP/1.1', 400, '400 bad_request: the request has no Host header.\n'],
    ['GET http://attacker.example/ HTTP/1.1\r\nHost: 127.0.0.1:PORT', 421, 'the request named "attacker.example"'],
  ])('%j is refused in its own words (no Host; a host in the request line is the one asked for)', async (head, status, words) => {
    const request = `${head.replace('PORT', String(plain.port))}\r\nConnection: close\r\n\r\n`;
    const answer = await rawExchange(Buffer.from(request), { host: '127.0.0.1', port: plain.port, method: 'GET', hangAfterMs: 5000 });
    expect(answer.status).toBe(status);
    expect(answer.body.toString('utf8')).toContain(words);
  });

  it('shows the ports actually in use: the spec servers in the page and in openapi.json point at the running mock and sandbox', async () => {
    expect(built).toContain('http://127.0.0.1:4010');
    const html = (await get(local.url + '/')).body.toString('utf8');
    expect(html).not.toMatch(/127\.0\.0\.1:40[12]0(?!\d)/);
    expect(html).toContain(mockUrl);
    expect(html).toContain(sandboxUrl);
    const served = JSON.parse((await get(local.url + '/openapi.json')).body.toString('utf8'));
    expect(served.servers.map((server: { url: string }) => server.url)).toEqual(['https://api.metorial.com', mockUrl, sandboxUrl]);
    // Without local servers (a static host) the page is the build's, byte for byte.
    expect((await get(plain.url + '/')).body.toString('utf8')).toBe(built);
  });

  it('compresses (brotli, gzip) and revalidates with an ETag: a repeat visit gets a 304 with no body', async () => {
    const identity = await get(local.url + '/');
    const br = await get(local.url + '/', { 'Accept-Encoding': 'gzip, deflate, br' });
    const gzip = await get(local.url + '/', { 'Accept-Encoding': 'gzip' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(brotliDecompressSync(br.body).equals(identity.body)).toBe(true);
    expect(gunzipSync(gzip.body).equals(identity.body)).toBe(true);
    expect(br.body.length).toBeLessThan(identity.body.length / 3);
    expect(br.headers.vary).toBe('Accept-Encoding');
    const etag = String(br.headers.etag);
    const again = await get(local.url + '/', { 'If-None-Match': etag, 'Accept-Encoding': 'br' });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers['content-security-policy']).toBe(br.headers['content-security-policy']);
  });

  it('caches the content-hashed files (Redoc, its state, the console) for a year as built; the page is revalidated', async () => {
    const files = [...built.matchAll(/(?:src="|href="|import\('\.\/)([\w-]+\.[0-9a-f]{12}\.(?:js|json))["']/g)].map((match) => match[1]!);
    expect(files.length).toBe(3);
    for (const file of files) {
      const response = await get(plain.url + '/' + file, { 'Accept-Encoding': 'br' });
      expect(response.status, file).toBe(200);
      expect(response.headers['cache-control'], file).toBe('public, max-age=31536000, immutable');
      expect(response.headers['content-encoding'], file).toBe('br');
      expect(response.body.equals(readFileSync(join(siteDir, `${file}.br`))), file).toBe(true);
    }
    expect((await get(plain.url + '/')).headers['cache-control']).toBe('no-cache');
    // Beside servers on other ports the state is rewritten like the page (its prerender must match what
    // Redoc hydrates): under the same name it may change again, so it is revalidated, not kept a year.
    const stateFile = files.find((file) => file.startsWith('redoc-state.'))!;
    const state = await get(local.url + '/' + stateFile);
    expect(state.headers['cache-control']).toBe('no-cache');
    expect(state.body.toString('utf8')).toContain(mockUrl);
    expect(state.body.toString('utf8')).not.toMatch(/127\.0\.0\.1:4010(?!\d)/);
  });

  it("sends the build's own .br and .gz when the page goes out unchanged (a static host's view)", async () => {
    const br = await get(plain.url + '/', { 'Accept-Encoding': 'br' });
    const gzip = await get(plain.url + '/openapi.json', { 'Accept-Encoding': 'gzip' });
    expect(br.body.equals(readFileSync(join(siteDir, 'index.html.br')))).toBe(true);
    expect(gzip.body.equals(readFileSync(join(siteDir, 'openapi.json.gz')))).toBe(true);
    expect(brotliDecompressSync(br.body).toString('utf8')).toBe(built);
  });
});

describe('dist/_headers (a static host: Netlify, Cloudflare Pages)', () => {
  const rules = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const line of readFileSync(join(siteDir, '_headers'), 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    if (!line.startsWith(' ')) rules.set(line, (current = new Map()));
    else current!.set(line.trim().split(': ')[0]!.toLowerCase(), line.trim().slice(line.trim().indexOf(': ') + 2));
  }

  it('gives the page the CSP our server sends without local servers, and every file the same base headers', async () => {
    const response = await get(plain.url + '/');
    for (const path of ['/', '/index.html'])
      expect(rules.get(path)?.get('content-security-policy'), path).toBe(response.headers['content-security-policy']);
    for (const name of ['x-content-type-options', 'referrer-policy', 'x-frame-options'])
      expect(rules.get('/*')?.get(name)).toBe(response.headers[name]);
    const changelog = await get(plain.url + '/changelog.html');
    expect(rules.get('/changelog.html')?.get('content-security-policy')).toBe(changelog.headers['content-security-policy']);
  });
});
