// The built client in a real browser (Debian's Chromium through playwright-core; never downloaded): the ESM
// build straight from dist/ with an import map for openapi-fetch, calling the browser's own fetch. Every
// request of the page is answered here: its files, `/api/*` forwarded to a Prism mock (so the page and the
// API share an origin, and a relative baseUrl is exercised), and a `/slow` route that never answers in
// time. Nothing leaves the machine.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '@session-obs/devkit';
import { startMock, type RunningMock } from '@session-obs/mock';

const ORIGIN = 'http://client.test';
const TOKEN = 'sk_browser_SECRET_7c1';
const require = createRequire(import.meta.url);
const files: Record<string, [body: string, type: string]> = {
  '/': ['<!doctype html><script type="importmap">{"imports":{"openapi-fetch":"/openapi-fetch.mjs"}}</script>', 'text/html'],
  '/client.js': [readFileSync(new URL('../dist/index.js', import.meta.url), 'utf8'), 'text/javascript'],
  '/openapi-fetch.mjs': [readFileSync(require.resolve('openapi-fetch').replace(/index\.cjs$/, 'index.mjs'), 'utf8'), 'text/javascript'],
};

let mock: RunningMock;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  mock = await startMock();
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const context = await browser.newContext();
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== ORIGIN) return route.abort('blockedbyclient');
    if (url.pathname.startsWith('/api/'))
      return route.fulfill({ response: await route.fetch({ url: mock.url + url.pathname.slice(4) + url.search }) });
    if (url.pathname === '/slow') return; // never answered: the client's timeout must end it
    const file = files[url.pathname];
    return file ? route.fulfill({ body: file[0], contentType: file[1] }) : route.fulfill({ status: 404 });
  });
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${ORIGIN}/`);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await mock?.stop();
});

/** Runs an async function body in the page with `m` (the client module) and `client` (relative baseUrl `/api`). */
const inPage = <T>(body: string): Promise<T> =>
  page.evaluate(`(async () => {
    const m = await import('/client.js');
    const client = m.createClient({ baseUrl: '/api', token: ${JSON.stringify(TOKEN)} });
    ${body}
  })()`) as Promise<T>;

describe('the client in Chromium', () => {
  it('GETs a typed resource through the browser fetch, with a relative baseUrl resolved against the page', async () => {
    const result = await inPage<{ object: string; ids: string[] }>(`
      const { data } = await client.GET('/sessions/{session_id}/errors', { params: { path: { session_id: 'ses_4dEfGhJkLmNpQrSt' } } });
      return { object: data.object, ids: data.items.map((e) => e.id) };`);
    expect(result.object).toBe('list');
    expect(result.ids.length).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
  });

  it('paginates and stops on break', async () => {
    const ids = await inPage<string[]>(`
      const ids = [];
      for await (const error of client.paginate('/session-errors', { params: { query: { limit: 2 } } })) {
        ids.push(error.id);
        if (ids.length === 3) break;
      }
      return ids;`);
    expect(ids).toHaveLength(3);
  });

  it('throws typed errors that never show the token', async () => {
    const error = await inPage<{ isNotFound: boolean; kind: string; status: number; text: string }>(`
      try {
        await client.unwrap(client.GET('/session-error-groups/{session_error_group_id}', { params: { path: { session_error_group_id: 'seg_7gHjKlMnPqRsTuVw' } }, headers: { Prefer: 'code=404' } }));
      } catch (e) {
        return { isNotFound: e instanceof m.NotFoundError && e instanceof m.ApiError, kind: e.kind, status: e.status, text: e.message + String(e) + e.stack };
      }`);
    expect(error).toMatchObject({ isNotFound: true, kind: 'NotFoundError', status: 404 });
    expect(error.text).not.toContain(TOKEN);
  });

  it('times out and aborts with typed errors (AbortController in the browser)', async () => {
    const kinds = await inPage<string[]>(`
      const slow = m.createClient({ baseUrl: location.origin, token: 't', timeoutMs: 200, maxRetries: 0 });
      const kinds = [];
      for (const init of [{}, { signal: AbortSignal.timeout(100), timeoutMs: 5000 }]) {
        try {
          await slow.GET('/slow', init);
        } catch (e) {
          kinds.push(e.kind);
        }
      }
      return kinds;`);
    expect(kinds).toEqual(['TimeoutError', 'AbortError']);
  });

  it('middleware see a real Request in the browser too', async () => {
    const seen = await inPage<boolean[]>(`
      const seen = [];
      client.use({ onRequest: ({ request }) => void seen.push(request instanceof Request) });
      const { data } = await client.GET('/session-error-groups', {});
      seen.push(data.object === 'list');
      return seen;`);
    expect(seen).toEqual([true, true]);
  });
});
