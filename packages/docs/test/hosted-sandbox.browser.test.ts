// Try it on a hosted sandbox, end to end: the docs built with DOCS_SANDBOX_URL into a temp folder (not
// dist/), served by the docs server, a real sandbox in hosted mode on a real PostgreSQL on another port
// that allows the docs' origin, and Chromium. A reader gets a key with one click (kept in sessionStorage
// only), Send answers 200 with that tenant's data (a get's fields hold that tenant's ids); a new key
// replaces the tab's own and deletes its sandbox; a second browser context gets another key and cannot
// see the first one's ingested error; 429, CORS refusals and "Forget key" show plainly; axe and the
// keyboard still hold. Asserted on the page and on the sandbox.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath, createTestDatabase, freePort, startTestPostgres, type TestPostgres } from '@session-obs/devkit';
import { startSandbox, type RunningSandbox } from '@session-obs/sandbox';
import { serveDocs, siteDir } from '../src/serve.js';

const buildScript = fileURLToPath(new URL('../scripts/build.mjs', import.meta.url));
const LIST = '#/session-errors/listsessionerrors';
const GET = '#/session-errors/getsessionerror';
type Docs = Awaited<ReturnType<typeof serveDocs>>;

let postgres: TestPostgres;
let sandbox: RunningSandbox;
let sandboxUrl: string;
let docs: Docs;
let elsewhereDocs: Docs;
let dir: string;
let browser: Browser;
const pageErrors: string[] = [];
/** Requests the pages sent anywhere but the docs and the sandbox (must stay empty). */
const elsewhere: string[] = [];

beforeAll(async () => {
  postgres = await startTestPostgres();
  // A database of its own: SANDBOX_TEST_DATABASE_URL may name a server other runs use too.
  const database = await createTestDatabase(postgres.url, 'docs_hosted');
  sandboxUrl = `http://127.0.0.1:${await freePort()}`;
  dir = mkdtempSync(join(tmpdir(), 'docs-hosted-'));
  // A trailing slash, as an operator may well write it: the build normalises it.
  const built = execFileSync(process.execPath, [buildScript, '--out', dir], {
    env: { ...process.env, DOCS_SANDBOX_URL: `${sandboxUrl}/` },
    stdio: 'pipe',
    encoding: 'utf8',
  });
  // The summary names the folder it wrote, not dist/.
  expect(built).toContain(`✔ ${relative(process.cwd(), dir)}/index.html (`);
  expect(built).not.toContain('dist/');
  docs = await serveDocs({ dir, port: 0 });
  elsewhereDocs = await serveDocs({ dir, port: 0 });
  sandbox = await startSandbox({
    port: Number(new URL(sandboxUrl).port),
    args: ['--hosted', '--database', database, '--cors-origins', docs.url, '--tenants-per-hour', '3'],
  });
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await Promise.allSettled([docs?.close(), elsewhereDocs?.close(), sandbox?.stop()]);
  postgres?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A fresh browser context (its own sessionStorage) on `base`, recording stray requests and page errors. */
async function readerAt(base: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || [new URL(base).origin, sandboxUrl].includes(url.origin))
      return route.continue();
    elsewhere.push(url.href);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { context, page };
}
/** Opens the console of an operation on `page`. */
async function openConsole(page: Page, base: string, hash: string, operationId: string): Promise<Locator> {
  await page.goto(`${base}/${hash}`);
  await page.locator(`[data-try-it="${operationId}"]`).click();
  const panel = page.locator(`.ti-console[data-operation="${operationId}"]`);
  await panel.waitFor();
  return panel;
}
/** Presses Get a sandbox key and resolves with the status line once it says how it went. */
async function getKey(panel: Locator): Promise<string> {
  await panel.getByRole('button', { name: 'Get a sandbox key' }).click();
  const status = panel.getByRole('status').filter({ hasText: /Key ready|Could not/ });
  await status.waitFor();
  return status.innerText();
}
/** Presses Send and resolves with the status shown, or the failure text. */
async function send(panel: Locator): Promise<string> {
  await panel.getByRole('button', { name: 'Send' }).click();
  const shown = panel.locator('[data-status], .ti-failure').first();
  await shown.waitFor();
  return (await shown.getAttribute('data-status')) ?? (await shown.innerText());
}
const bodyOf = async (panel: Locator) => JSON.parse(await panel.locator('.ti-body').innerText());
/** A GET on the sandbox with a tenant's key. */
const sandboxGet = (path: string, token: string) => fetch(`${sandboxUrl}${path}`, { headers: { Authorization: `Bearer ${token}` } });
/** axe's violations of serious or critical impact in the Try it dialog (the page around it: a11y.browser.test.ts). */
async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).include('.ti-panel').analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.html.slice(0, 120)}`));
}

describe('Try it on a hosted sandbox (DOCS_SANDBOX_URL)', () => {
  let a: { context: BrowserContext; page: Page };
  let keyA: string;
  let ingested: { id: string; session_id: string };

  it('lets the page call the sandbox: its origin is in the CSP the docs server sends and in _headers', async () => {
    const csp = (await fetch(`${docs.url}/`)).headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(new RegExp(`connect-src 'self'[^;]* ${sandboxUrl.replace(/[.]/g, '\\.')}(;| )`));
    expect(readFileSync(join(dir, '_headers'), 'utf8')).toContain(` ${sandboxUrl}`);
    const spec = JSON.parse(readFileSync(join(dir, 'openapi.json'), 'utf8'));
    expect(spec.servers.at(-1)).toEqual({ url: sandboxUrl, description: 'Sandbox (hosted)', 'x-hosted-sandbox': true });
    expect(readFileSync(join(dir, 'llms.txt'), 'utf8')).toContain(`\`POST ${sandboxUrl}/_sandbox/tenants\` (no token)`);
    // The package's own build (no DOCS_SANDBOX_URL) has no hosted entry.
    if (existsSync(join(siteDir, 'openapi.json')))
      expect(readFileSync(join(siteDir, 'openapi.json'), 'utf8')).not.toContain('x-hosted-sandbox');
  });

  it("offers the hosted sandbox first; one click gets a key kept in sessionStorage only; Send answers 200 with that tenant's data", async () => {
    a = await readerAt(docs.url);
    const panel = await openConsole(a.page, docs.url, LIST, 'listSessionErrors');
    const server = panel.getByLabel('Server', { exact: true });
    const options = await server.locator('option').evaluateAll((nodes) => nodes.map((node) => node.textContent));
    expect(options[0]).toBe(`Sandbox (hosted) — ${sandboxUrl}`);
    expect(options.slice(1)).toEqual(['Production server for session errors, error groups and events. — https://api.metorial.com']);
    expect(await server.inputValue()).toBe(sandboxUrl);
    expect(await send(panel)).toContain('No sandbox key yet: press "Get a sandbox key" first');

    expect(await getKey(panel)).toMatch(
      /^Key ready: a sandbox of your own, kept in this tab only; Send uses it\. It expires after 60 idle minutes\.$/,
    );
    keyA = await panel.getByLabel('Bearer token').inputValue();
    expect(keyA).toMatch(/^sbx_\w{32}$/);
    expect(await a.page.evaluate(() => JSON.stringify(sessionStorage))).toContain(keyA);
    expect(await a.page.evaluate(() => JSON.stringify(localStorage))).not.toContain(keyA);
    // Redoc keeps its layout in a cookie of its own; the key is in no cookie.
    expect(JSON.stringify(await a.context.cookies())).not.toContain(keyA);
    expect(a.page.url()).not.toContain(keyA);

    expect(await send(panel)).toBe('200');
    expect(await panel.locator('[data-schema-check]').getAttribute('data-schema-check')).toBe('ok');
    const shown = (await bodyOf(panel)).items.map((item: { id: string }) => item.id);
    expect(shown.length).toBeGreaterThan(0);
    const direct = (await (await sandboxGet('/session-errors', keyA)).json()) as { items: Array<{ id: string }> };
    expect(shown).toEqual(direct.items.map((item) => item.id));

    // A get's fields hold ids of this tenant (its fixtures), not the spec's examples it does not have: 200 at once.
    const fixtures = (await (await sandboxGet('/_sandbox/fixtures', keyA)).json()) as { session_id: string; session_error_id: string };
    const get = await openConsole(a.page, docs.url, GET, 'getSessionError');
    await expect.poll(() => get.getByLabel(/^session_error_id/).inputValue()).toBe(fixtures.session_error_id);
    expect(await get.getByLabel(/^session_id/).inputValue()).toBe(fixtures.session_id);
    expect(await send(get)).toBe('200');
    expect(await bodyOf(get)).toMatchObject({ id: fixtures.session_error_id });
  }, 120_000);

  it("shows A's ingested error to A, and the key follows to another operation's console", async () => {
    const fixtures = (await (await sandboxGet('/_sandbox/fixtures', keyA)).json()) as { session_id: string };
    const answer = await fetch(`${sandboxUrl}/_sandbox/errors`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${keyA}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        errors: [
          { session_id: fixtures.session_id, type: 'message_processing_timeout', code: 'hosted_docs_probe', message: 'only A sees me' },
        ],
      }),
    });
    expect(answer.status).toBe(202);
    ingested = ((await answer.json()) as { items: Array<{ id: string; session_id: string }> }).items[0]!;
    const panel = await openConsole(a.page, docs.url, GET, 'getSessionError');
    expect(await panel.getByLabel('Bearer token').inputValue()).toBe(keyA);
    await panel.getByLabel(/^session_id/).fill(ingested.session_id);
    await panel.getByLabel(/^session_error_id/).fill(ingested.id);
    expect(await send(panel)).toBe('200');
    expect(await bodyOf(panel)).toMatchObject({ id: ingested.id, code: 'hosted_docs_probe', message: 'only A sees me' });
  }, 120_000);

  it("gives a second reader another key, by keyboard, and that reader cannot see A's error", async () => {
    const b = await readerAt(docs.url);
    const panel = await openConsole(b.page, docs.url, GET, 'getSessionError');
    // Once B holds a key the same button reads "Get a new sandbox key".
    const button = panel.locator('.ti-key-actions button').first();
    expect(await button.innerText()).toBe('Get a sandbox key');
    await button.focus();
    await b.page.keyboard.press('Enter');
    await panel.getByRole('status').filter({ hasText: 'Key ready' }).waitFor();
    expect(await button.evaluate((node) => node === document.activeElement)).toBe(true);
    const keyB = await panel.getByLabel('Bearer token').inputValue();
    expect(keyB).toMatch(/^sbx_/);
    expect(keyB).not.toBe(keyA);
    expect(await seriousViolations(b.page)).toEqual([]);

    await panel.getByLabel(/^session_id/).fill(ingested.session_id);
    await panel.getByLabel(/^session_error_id/).fill(ingested.id);
    expect(await send(panel)).toBe('404');
    expect(await bodyOf(panel)).toMatchObject({ status: 404, code: 'not_found' });
    const list = await openConsole(b.page, docs.url, LIST, 'listSessionErrors');
    await list.getByLabel('session_id', { exact: true }).fill(ingested.session_id);
    expect(await send(list)).toBe('200');
    expect((await bodyOf(list)).items.map((item: { id: string }) => item.id)).not.toContain(ingested.id);
    // The sandbox agrees: A's key reads the error, B's gets the same 404 as an id nobody has.
    expect((await sandboxGet(`/sessions/${ingested.session_id}/errors/${ingested.id}`, keyA)).status).toBe(200);
    expect((await sandboxGet(`/sessions/${ingested.session_id}/errors/${ingested.id}`, keyB)).status).toBe(404);
    await b.context.close();
  }, 120_000);

  it('replaces the key this tab got with a new one, deleting the old sandbox', async () => {
    const panel = await openConsole(a.page, docs.url, LIST, 'listSessionErrors');
    await panel.getByRole('button', { name: 'Get a new sandbox key' }).click();
    await panel.getByRole('status').filter({ hasText: 'The previous sandbox is deleted.' }).waitFor();
    const replaced = await panel.getByLabel('Bearer token').inputValue();
    expect(replaced).toMatch(/^sbx_/);
    expect(replaced).not.toBe(keyA);
    expect((await sandboxGet('/session-errors', keyA)).status).toBe(401);
    keyA = replaced;
    // A pasted key is not this tab's: the button offers a key beside it, and would delete nothing.
    await panel.getByLabel('Bearer token').fill('sbx_pasted_by_the_reader');
    expect(await panel.getByRole('button', { name: 'Get a sandbox key' }).isVisible()).toBe(true);
    await panel.getByLabel('Bearer token').fill(keyA);
  }, 120_000);

  it("shows the sandbox's 429 with its code when the tenants of this address are used up", async () => {
    const c = await readerAt(docs.url);
    const panel = await openConsole(c.page, docs.url, LIST, 'listSessionErrors');
    const status = await getKey(panel);
    expect(status).toMatch(/^Could not get a sandbox key\. The sandbox gave no key: 429 rate_limit_exceeded: .+ Try again in \d+ s\.$/);
    expect(await panel.getByLabel('Bearer token').inputValue()).toBe('');
    expect(await seriousViolations(c.page)).toEqual([]);
    await c.context.close();
  }, 120_000);

  it('says plainly when the sandbox does not allow the page’s origin (CORS)', async () => {
    const d = await readerAt(elsewhereDocs.url);
    const panel = await openConsole(d.page, elsewhereDocs.url, LIST, 'listSessionErrors');
    expect(await getKey(panel)).toBe(
      `Could not get a sandbox key. No answer from ${sandboxUrl} (Failed to fetch). Is the sandbox running, and does its --cors-origins list include this page's origin (${elsewhereDocs.url})?`,
    );
    await d.context.close();
  }, 120_000);

  it('forgets the key: the sandbox deletes that tenant, the field and sessionStorage are empty', async () => {
    // Forgotten in another operation's console: this one's "Key ready" line does not outlive the key.
    const other = await openConsole(a.page, docs.url, GET, 'getSessionError');
    await other.getByRole('button', { name: 'Forget key' }).click();
    await other.getByRole('status').filter({ hasText: 'Deleted your sandbox' }).waitFor();
    const panel = await openConsole(a.page, docs.url, LIST, 'listSessionErrors');
    expect(await panel.locator('.ti-key-status').innerText()).toBe('');
    expect(await panel.getByRole('button', { name: 'Get a sandbox key' }).isVisible()).toBe(true);
    expect(await panel.getByLabel('Bearer token').inputValue()).toBe('');
    expect(await panel.getByRole('button', { name: 'Forget key' }).isHidden()).toBe(true);
    expect(await a.page.evaluate(() => JSON.stringify(sessionStorage))).not.toContain(keyA);
    expect((await sandboxGet('/session-errors', keyA)).status).toBe(401);
    // The old key pasted back: the sandbox's 401, and the status line says what to do.
    await panel.getByLabel('Bearer token').fill(keyA);
    expect(await send(panel)).toBe('401');
    expect(await panel.getByRole('status').filter({ hasText: 'refused' }).innerText()).toBe(
      'The sandbox refused this key (401: it expired after being idle, or was deleted). Press "Get a sandbox key" for a new one.',
    );
    // Forgetting a key whose sandbox is gone is no failure.
    await panel.getByRole('button', { name: 'Forget key' }).click();
    await panel.getByRole('status').filter({ hasText: 'Forgot the key' }).waitFor();
    expect(await panel.locator('.ti-key-status').innerText()).toBe(
      'Forgot the key; its sandbox was already gone (expired when idle, or deleted).',
    );
    await a.context.close();
  }, 120_000);

  it('sent nothing anywhere else and raised no page error', () => {
    expect(elsewhere).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
