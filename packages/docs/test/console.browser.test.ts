// The Try it console in Chromium against the real sandbox and Prism mock, served the way `pnpm start`
// serves the docs: Send with nothing changed answers 200 on every operation, a changed filter, a 400
// from a bad value, a 401 from a wrong token, "Copy as curl" (and running what it copied), the mock
// selectable, a schema mismatch shown plainly, keyboard use, where the token is kept, and no request
// to production or anywhere else the reader did not send.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '@session-obs/devkit';
import { startMock, type RunningMock } from '@session-obs/mock';
import { DEFAULT_TOKEN, startSandbox, type RunningSandbox } from '@session-obs/sandbox';
import { loadSpec } from '@session-obs/spec';
import { buildConsoleScript } from '../src/console-bundle.js';
import { addConsole, prepareSpec } from '../src/page.js';
import { serveDocs, siteDir } from '../src/serve.js';
import { consoleConfigFor } from '../src/try-it-config.js';
import type { LocalConfig } from '../src/try-it/model.js';

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url));
const PRODUCTION = 'https://api.metorial.com';
const spec = loadSpec();
const operations = Object.entries(spec.paths ?? {}).map(([, item]: [string, any]) => item.get);
const hashOf = (operation: any) => `#/${operation.tags[0].toLowerCase().replace(/\s+/g, '-')}/${operation.operationId.toLowerCase()}`;

let mock: RunningMock;
let sandbox: RunningSandbox;
let docs: Awaited<ReturnType<typeof serveDocs>>;
let config: LocalConfig;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let fixtures: Record<string, any>;
const sent: Array<{ method: string; url: string; headers: Record<string, string> }> = [];
const elsewhere: string[] = [];
const pageErrors: string[] = [];
let presses = 0;
/** Origins the page may reach: the docs servers, the mock, the sandbox. */
const allowed: string[] = [];

beforeAll(async () => {
  [mock, sandbox] = await Promise.all([startMock({ port: 0 }), startSandbox({ port: 0, sessions: 20, errors: 600 })]);
  config = await consoleConfigFor({ mock: { url: mock.url }, sandbox: { url: sandbox.url, token: DEFAULT_TOKEN } });
  fixtures = await (await fetch(`${sandbox.url}/_sandbox/fixtures`, { headers: { Authorization: `Bearer ${DEFAULT_TOKEN}` } })).json();
  docs = await serveDocs({ port: 0, consoleConfig: config });
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: docs.url });
  allowed.push(new URL(docs.url).origin, new URL(mock.url).origin, new URL(sandbox.url).origin);
  // Production may be selected but is never called: any request to it (or anywhere else) is recorded and refused.
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || allowed.includes(url.origin)) return route.continue();
    elsewhere.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('request', (request) => {
    if (new URL(request.url()).origin !== new URL(docs.url).origin)
      sent.push({ method: request.method(), url: request.url(), headers: request.headers() });
  });
  await page.goto(docs.url + '/');
  await page.locator('[data-component-name="Menu/MenuItem"]').first().waitFor();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await docs?.close();
  await Promise.allSettled([mock?.stop(), sandbox?.stop()]);
});

/** Opens the console of an operation from its Try it button. */
async function openConsole(operationId: string, target: Page = page) {
  const operation = operations.find((candidate) => candidate.operationId === operationId);
  await target.goto(`${new URL(target.url()).origin}/${hashOf(operation)}`);
  await target.locator(`[data-try-it="${operationId}"]`).click();
  const panel = target.locator(`.ti-console[data-operation="${operationId}"]`);
  await panel.waitFor();
  return panel;
}
/** Presses Send and resolves with the status shown (or "none" when no answer came). */
async function send(panel: ReturnType<Page['locator']>) {
  const before = sent.length;
  presses++;
  await panel.getByRole('button', { name: 'Send' }).click();
  const status = panel.locator('[data-status], .ti-failure').first();
  await status.waitFor();
  await expect.poll(() => sent.length).toBeGreaterThan(before);
  return (await status.getAttribute('data-status')) ?? 'none';
}
const bodyOf = async (panel: ReturnType<Page['locator']>) => JSON.parse(await panel.locator('.ti-body').innerText());
const lastGet = () => sent.filter((request) => request.method === 'GET').at(-1)!;

describe('Try it console', () => {
  it('answers 200 with a body that matches the spec on every operation, with nothing changed', async () => {
    for (const { operationId } of operations) {
      const panel = await openConsole(operationId);
      expect(await panel.getByLabel('Server', { exact: true }).inputValue(), operationId).toBe(sandbox.url);
      expect(await panel.getByLabel('Bearer token').inputValue()).toBe(DEFAULT_TOKEN);
      expect(await send(panel), `${operationId}: ${await panel.innerText()}`).toBe('200');
      expect(lastGet().url.startsWith(sandbox.url)).toBe(true);
      expect(await panel.locator('[data-schema-check]').getAttribute('data-schema-check')).toBe('ok');
      expect(await panel.locator('.ti-headers').innerText()).toMatch(/X-Request-Id\s+req_\w+[\s\S]*RateLimit-Remaining\s+\d+/);
    }
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: `${artifacts}try-it-1280.png` });
  }, 180_000);

  it('sends a changed filter: one-or-many values as repeated keys, an enum from its select', async () => {
    const panel = await openConsole('listSessionErrors');
    await panel.getByLabel('session_id', { exact: true }).fill(fixtures.session_id);
    await panel.getByRole('button', { name: 'Add a session_id value' }).click();
    await panel.getByLabel('session_id, value 2').fill(fixtures.other_session_id);
    await panel.getByLabel('order').selectOption('desc');
    await panel.getByLabel('limit').fill('50');
    expect(await send(panel)).toBe('200');
    const url = new URL(lastGet().url);
    expect(url.searchParams.getAll('session_id')).toEqual([fixtures.session_id, fixtures.other_session_id]);
    expect(url.searchParams.get('order')).toBe('desc');
    const body = await bodyOf(panel);
    expect(body.items.length).toBeGreaterThan(0);
    expect(new Set(body.items.map((item: { session_id: string }) => item.session_id))).toEqual(
      new Set([fixtures.session_id, fixtures.other_session_id]),
    );
  }, 60_000);

  it("shows the API's 400 for a bad value, checked against the spec's 400", async () => {
    const panel = await openConsole('listSessionErrorGroups');
    await panel.getByLabel('limit').fill('1000');
    expect(await send(panel)).toBe('400');
    expect(await bodyOf(panel)).toMatchObject({ object: 'error', status: 400, code: 'invalid_data', errors: [{ path: ['limit'] }] });
    expect(await panel.locator('[data-schema-check]').innerText()).toContain("The body matches the spec's schema for 400.");
  }, 60_000);

  it("shows the API's 401 for a wrong token", async () => {
    const panel = await openConsole('getSessionErrorGroup');
    await panel.getByLabel('Bearer token').fill('metorial_sk_wrong');
    expect(await send(panel)).toBe('401');
    expect(await bodyOf(panel)).toMatchObject({ status: 401, code: 'unauthorized' });
    expect(lastGet().headers.authorization).toBe('Bearer metorial_sk_wrong');
    // The token typed stays in this tab: sessionStorage, never localStorage or the URL.
    expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain('metorial_sk_wrong');
    expect(await page.evaluate(() => JSON.stringify(sessionStorage))).toContain('metorial_sk_wrong');
    expect(page.url()).not.toContain('metorial_sk');
    await panel.getByLabel('Bearer token').fill(DEFAULT_TOKEN);
  }, 60_000);

  it('copies as curl exactly what was sent, the token masked until revealed; the copy runs', async () => {
    const panel = await openConsole('listSessionErrorsForSession');
    await panel.getByLabel('limit').fill('3');
    expect(await send(panel)).toBe('200');
    const request = lastGet();
    await panel.getByRole('button', { name: 'Copy as curl' }).click();
    await expect.poll(() => panel.locator('.ti-note').innerText()).toBe('Copied.');
    const masked = await page.evaluate(() => navigator.clipboard.readText());
    expect(masked).toBe(
      [`curl -sS '${request.url}' \\`, `  -H 'Accept: application/json' \\`, `  -H 'Authorization: Bearer ****'`].join('\n'),
    );
    expect(masked).not.toContain(DEFAULT_TOKEN);

    await panel.getByLabel('Show token').check();
    expect(await panel.getByLabel('Bearer token').getAttribute('type')).toBe('text');
    await panel.getByRole('button', { name: 'Copy as curl' }).click();
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toContain(`Bearer ${request.headers.authorization!.slice(7)}`);
    const revealed = await page.evaluate(() => navigator.clipboard.readText());
    expect(revealed).toBe(await panel.locator('.ti-curl').innerText());
    const body = JSON.parse(execFileSync('bash', ['-c', revealed], { encoding: 'utf8' }));
    expect(body).toEqual(await bodyOf(panel));
    await panel.getByLabel('Show token').uncheck();
  }, 60_000);

  it('sends to the mock when it is selected; production is listed but not preselected', async () => {
    const panel = await openConsole('getSessionError');
    const servers = await panel
      .getByLabel('Server', { exact: true })
      .locator('option')
      .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    expect(servers).toEqual([PRODUCTION, mock.url, sandbox.url]);
    expect(await panel.getByLabel('Bearer token (MetorialSecretKey)').count()).toBe(1);
    await panel.getByLabel('Server', { exact: true }).selectOption(mock.url);
    expect(await panel.getByLabel('Bearer token').inputValue()).toBe('test');
    expect(await panel.getByLabel('session_error_id').inputValue()).toBe('ser_6fGhJkLmNpQrStUv');
    expect(await send(panel)).toBe('200');
    expect(lastGet().url).toBe(`${mock.url}/sessions/ses_4dEfGhJkLmNpQrSt/errors/ser_6fGhJkLmNpQrStUv`);
    await panel.getByLabel('Server', { exact: true }).selectOption(sandbox.url);
    expect(await panel.getByLabel('session_error_id').inputValue()).toBe(fixtures.session_error_id);
  }, 60_000);

  it("lists the observability operation's own production server and names its credential", async () => {
    const panel = await openConsole('getObservabilitySession');
    const servers = await panel
      .getByLabel('Server', { exact: true })
      .locator('option')
      .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    expect(servers).toEqual(['https://api.devrev.ai', mock.url, sandbox.url]);
    expect(await panel.getByLabel('Bearer token (DevRevToken)').count()).toBe(1);
    await panel.getByLabel('Server', { exact: true }).selectOption('https://api.devrev.ai');
    expect(await panel.locator('.ti-hint').first().innerText()).toContain(
      'Requests go to https://api.devrev.ai with this DevRevToken credential',
    );
    await panel.getByLabel('Server', { exact: true }).selectOption(sandbox.url);
  }, 60_000);

  it('is operable from the keyboard, with every field labelled', async () => {
    await page.goto(`${docs.url}/${hashOf(operations[0])}`);
    const button = page.locator('[data-try-it="listSessionErrors"]');
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.ti-panel') !== null)).toBe(true);
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    const unlabelled = await page
      .locator('.ti-panel')
      .evaluate((panel) =>
        [...panel.querySelectorAll('input, select, button')]
          .filter((field) => !(field as HTMLInputElement).labels?.length && !field.getAttribute('aria-label') && !field.textContent?.trim())
          .map((field) => field.outerHTML),
      );
    expect(unlabelled).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.ti-panel').isHidden()).toBe(true);
    expect(await button.evaluate((node) => node === document.activeElement)).toBe(true);
  }, 60_000);

  it('shows a body that does not match the spec plainly, with where and why', async () => {
    // A page whose spec is stricter than the sandbox: SessionError.code at most 3 characters.
    const dir = mkdtempSync(join(tmpdir(), 'docs-mismatch-'));
    const strict = prepareSpec(loadSpec()).spec;
    strict.components.schemas.SessionError.properties.code.maxLength = 3;
    // The whole site (Redoc's script and state files, images), with this page instead of the built one.
    cpSync(siteDir, dir, { recursive: true });
    for (const copy of ['index.html.br', 'index.html.gz']) rmSync(join(dir, copy));
    writeFileSync(join(dir, 'index.html'), addConsole(readFileSync(join(siteDir, 'index.html'), 'utf8'), strict, buildConsoleScript()));
    const strictDocs = await serveDocs({ dir, port: 0, consoleConfig: config });
    allowed.push(new URL(strictDocs.url).origin);
    const other = await context.newPage();
    other.on('request', (request) => {
      if (request.url().startsWith(sandbox.url)) sent.push({ method: request.method(), url: request.url(), headers: request.headers() });
    });
    try {
      await other.goto(strictDocs.url + '/');
      const panel = await openConsole('listSessionErrors', other);
      expect(await send(panel)).toBe('200');
      const check = panel.locator('[data-schema-check="mismatch"]');
      expect(await check.innerText()).toMatch(
        /✖ The body does not match the spec's schema for 200:\s*\/items\/0\/code must have at most 3 characters/,
      );
      await other.screenshot({ path: `${artifacts}try-it-mismatch.png` });
    } finally {
      await other.close();
      await strictDocs.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('fits a 390 px screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const panel = await openConsole('getObservabilitySession');
    expect(await send(panel)).toBe('200');
    const box = await page.locator('.ti-panel').boundingBox();
    expect(box).toMatchObject({ x: 0, width: 390 });
    expect(await page.locator('.ti-panel').evaluate((node) => node.scrollWidth <= node.clientWidth)).toBe(true);
    await page.screenshot({ path: `${artifacts}try-it-390.png` });
    await page.setViewportSize({ width: 1280, height: 900 });
  }, 60_000);

  it('sent nothing the reader did not send, never called production, and raised no page error', () => {
    expect(elsewhere).toEqual([]);
    expect(sent.some((request) => request.url.startsWith(PRODUCTION))).toBe(false);
    const gets = sent.filter((request) => request.method === 'GET');
    expect(gets.every((request) => request.url.startsWith(sandbox.url) || request.url.startsWith(mock.url))).toBe(true);
    expect(gets).toHaveLength(presses);
    expect(sent.filter((request) => request.method !== 'GET').every((request) => request.method === 'OPTIONS')).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
