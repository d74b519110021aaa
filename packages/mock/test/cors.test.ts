// CORS, as a browser sees it: a page on another origin (the docs' "Try it" console) calls the mock with
// `Authorization` and `Prefer` (so every call is preflighted) and reads the answers, errors included. Debian's
// Chromium through playwright-core; both servers on 127.0.0.1.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
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
  it('succeeds for any origin, allowing what it asks for', async () => {
    const response = await fetch(`${mock.url}/session-errors`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://docs.example.com',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization,prefer',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://docs.example.com');
    expect(response.headers.get('access-control-allow-headers')).toBe('authorization,prefer');
    expect(response.headers.get('access-control-allow-methods')).toBe('GET');
  });
});
