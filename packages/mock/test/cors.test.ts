// CORS, as a browser sees it: a page on another origin (the docs' "Try it" console) calls the mock with
// `Authorization` and `Prefer` (so every call is preflighted) and reads the answers, errors included. Debian's
// Chromium through playwright-core; both servers on 127.0.0.1. Also the policy itself: `*` without
// credentials by default, an allow-list when configured, fixed preflight answers, and the Host check.
import { once } from 'node:events';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '@session-obs/devkit';
import { startMock, type RunningMock } from '../src/index.js';

let mock: RunningMock;
let site: Server;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mock = await startMock();
  site = createServer((_, response) => response.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>docs</title>'));
  site.listen(0, '127.0.0.1');
  await once(site, 'listening');
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${(site.address() as AddressInfo).port}/`);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  site?.close();
  await mock?.stop();
});

/** Fetches from inside the page; resolves with status and parsed body, or the browser's error message. */
const fetchInPage = (path: string, headers: Record<string, string>) =>
  page.evaluate(
    async ([url, init]) => {
      try {
        const response = await fetch(url, { headers: init });
        return { status: response.status, body: await response.json() };
      } catch (error) {
        return { error: String(error) };
      }
    },
    [mock.url + path, headers] as const,
  );

describe('the mock from a page on another origin', () => {
  it('answers a preflighted call with a bearer token', async () => {
    const result = await fetchInPage('/session-errors?limit=1', { Authorization: 'Bearer from-the-browser' });
    expect(result).toMatchObject({ status: 200, body: { object: 'list' } });
  });

  it('lets the page read an error body, and honours Prefer', async () => {
    const result = await fetchInPage('/session-error-groups/seg_x', { Authorization: 'Bearer t', Prefer: 'code=404' });
    expect(result).toMatchObject({ status: 404, body: { code: 'not_found', entity: 'session.error_group' } });
    const unauthorized = await fetchInPage('/session-errors', { Prefer: 'code=200' });
    expect(unauthorized).toMatchObject({ status: 401, body: { code: 'unauthorized' } });
  });
});

describe('preflight', () => {
  const preflight = (base: string, origin: string) =>
    fetch(`${base}/session-errors`, {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization,prefer,x-evil' },
    });

  it('by default allows any origin as `*`, never with credentials, with fixed methods and headers (no echo)', async () => {
    const response = await preflight(mock.url, 'https://evil.example');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(response.headers.get('access-control-allow-headers')).toBe('Authorization, Content-Type, Prefer');
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, HEAD, OPTIONS');
  });

  it('with an allow-list, answers the listed origin by name and gives any other origin nothing to read', async () => {
    const listed = await startMock({ args: ['--cors-origins', 'https://docs.example.com'] });
    try {
      const allowed = await preflight(listed.url, 'https://docs.example.com');
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://docs.example.com');
      expect(allowed.headers.get('vary')).toBe('Origin');
      const refused = await preflight(listed.url, 'https://evil.example');
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
      expect(refused.headers.get('access-control-allow-methods')).toBeNull();
      const answer = await fetch(`${listed.url}/session-errors?limit=1`, {
        headers: { Origin: 'https://evil.example', Authorization: 'Bearer t' },
      });
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
      expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
    } finally {
      await listed.stop();
    }
  });
});

describe('Host check (DNS rebinding)', () => {
  const withHost = (base: string, host: string) =>
    new Promise<{ status: number; body: { code?: string } }>((resolve, reject) => {
      const url = new URL(`${base}/session-errors?limit=1`);
      const request = httpRequest(
        { host: url.hostname, port: url.port, path: url.pathname + url.search, headers: { Host: host, Authorization: 'Bearer t' } },
        (response) => {
          let text = '';
          response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as { code?: string } }));
        },
      );
      request.on('error', reject).end();
    });

  it("refuses a Host that is not a loopback name with the API's 400, and serves localhost and 127.0.0.1", async () => {
    expect(await withHost(mock.url, 'evil.example')).toMatchObject({ status: 400, body: { code: 'bad_request' } });
    expect((await withHost(mock.url, `localhost:${mock.port}`)).status).toBe(200);
    expect((await withHost(mock.url, `127.0.0.1:${mock.port}`)).status).toBe(200);
  });

  it('serves the names given with --allowed-hosts', async () => {
    const hosted = await startMock({ args: ['--allowed-hosts', 'mock.example.com'] });
    try {
      expect((await withHost(hosted.url, 'mock.example.com')).status).toBe(200);
      expect((await withHost(hosted.url, 'evil.example')).status).toBe(400);
    } finally {
      await hosted.stop();
    }
  });
});
