// The built client in a real browser (Debian's Chromium through playwright-core; never downloaded): the ESM
// build straight from dist/, calling the browser's own fetch. Every request of the page is answered here:
// its files, `/api/*` from a small table of API answers (the page and the API share an origin, so a
// relative baseUrl is exercised), and a `/slow` route that never answers. Nothing leaves the machine.
// (Whether the client's calls match the spec is the contract tests' job, against Prism and the sandbox.)
import { readFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '@session-obs/devkit';
import { sessionError } from './fault-server.js';

const ORIGIN = 'http://client.test';
const TOKEN = 'sk_browser_SECRET_7c1';
const files: Record<string, [body: string, type: string]> = {
  '/': ['<!doctype html><title>client</title>', 'text/html'],
  '/client.js': [readFileSync(new URL('../dist/index.js', import.meta.url), 'utf8'), 'text/javascript'],
};

/** `/api/*`: five session errors paged by `limit` and `after`, any other list empty, `seg_missing` a 404. */
function answerApi(url: URL): { status: number; body: unknown } {
  const path = url.pathname.slice('/api'.length);
  if (path.endsWith('/seg_missing')) return { status: 404, body: sessionError(404, 'not_found', 'Session error group not found') };
  const all = path === '/session-errors' || path.endsWith('/errors') ? ['ser_1', 'ser_2', 'ser_3', 'ser_4', 'ser_5'] : [];
  const start = all.indexOf(url.searchParams.get('after') ?? '') + 1;
  const items = all.slice(start, start + Number(url.searchParams.get('limit') ?? 20));
  const hasMore = start + items.length < all.length;
  const page = {
    object: 'list',
    items: items.map((id) => ({ object: 'session.error', id })),
    pagination: { has_more_before: start > 0, has_more_after: hasMore },
  };
  return { status: 200, body: page };
}

let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
/** The Authorization header of every `/api/*` request the page sent. */
const apiAuthorization: Array<string | undefined> = [];

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const context = await browser.newContext();
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== ORIGIN) return route.abort('blockedbyclient');
    if (url.pathname.startsWith('/api/')) {
      apiAuthorization.push((await route.request().headerValue('authorization')) ?? undefined);
      const { status, body } = answerApi(url);
      return route.fulfill({ status, json: body });
    }
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
      const { data } = await client.GET('/sessions/{session_id}/errors', { params: { path: { session_id: 'ses_1' }, query: { limit: 3 } } });
      return { object: data.object, ids: data.items.map((e) => e.id) };`);
    expect(result).toEqual({ object: 'list', ids: ['ser_1', 'ser_2', 'ser_3'] });
    expect(apiAuthorization.at(-1)).toBe(`Bearer ${TOKEN}`);
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
    expect(ids).toEqual(['ser_1', 'ser_2', 'ser_3']);
  });

  it('throws typed errors that never show the token', async () => {
    const error = await inPage<{ isNotFound: boolean; kind: string; status: number; text: string }>(`
      try {
        await client.unwrap(client.GET('/session-error-groups/{session_error_group_id}', { params: { path: { session_error_group_id: 'seg_missing' } } }));
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
