// The built site in a real browser (Debian's Chromium through playwright-core; never downloaded):
// renders offline with no console errors and no failed or off-origin requests, lists every
// operation, searches, shows the generated samples, and leaves a screenshot in artifacts/.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOperations, loadSpec } from '@session-obs/spec';
import { serveDocs } from '../src/serve.js';
import { CHROMIUM_ARGS, chromiumPath } from '@session-obs/devkit';

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url));
const spec = loadSpec();
const operations = listOperations(spec);

let server: Awaited<ReturnType<typeof serveDocs>>;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];
const failed: string[] = [];
const offOrigin: string[] = [];
const seen: string[] = [];

beforeAll(async () => {
  server = await serveDocs({ port: 0 });
  const origin = new URL(server.url).origin;
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  // Anything that would leave the origin is recorded and aborted, so the test is offline too.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin !== origin) {
      offOrigin.push(url);
      return route.abort('blockedbyclient');
    }
    return route.continue();
  });
  page = await context.newPage();
  // The docs server's CSP (no eval, hashed inline scripts): any refusal is reported as an error.
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`CSP refused ${event.violatedDirective}: ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`),
    ),
  );
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
  page.on('request', (request) => {
    seen.push(request.url());
    const url = new URL(request.url());
    // blob: URLs (Redoc's search worker) carry the page's origin; data: URLs never leave the page.
    if (url.protocol !== 'data:' && url.origin !== origin && !offOrigin.includes(request.url())) offOrigin.push(request.url());
  });
  page.on('requestfailed', (request) => failed.push(`${request.url()}: ${request.failure()?.errorText}`));
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.url()}: HTTP ${response.status()}`);
  });
  await page.goto(server.url + '/', { waitUntil: 'load' });
  await page.locator('[data-component-name="Menu/MenuItem"]').first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('docs site in Chromium', () => {
  it('lists every operation of the spec in the navigation', async () => {
    for (const { operationId, operation } of operations) {
      const tag = page.locator('[data-component-name="Menu/MenuItem"]', { hasText: new RegExp(`^${operation.tags?.[0]}$`) }).first();
      const link = page.locator(`[data-component-name="Menu/MenuItem"] a[href$="/${operationId.toLowerCase()}"]`).first();
      // Tags start collapsed; clicking one expands it (again, if a slow render swallowed a click).
      await expect
        .poll(
          async () =>
            (await link.isVisible()) ||
            (await tag.click(),
            await link.waitFor({ state: 'visible', timeout: 2_000 }).then(
              () => true,
              () => false,
            )),
          {
            message: `${operationId} in the navigation`,
            timeout: 15_000,
          },
        )
        .toBe(true);
    }
    expect(operations).toHaveLength(10);
  });

  it('shows the generated listSessionErrors samples after clicking the operation', async () => {
    await page.locator('a[href$="/listsessionerrors"]').first().click();
    await expect.poll(() => page.url()).toMatch(/#\/session-errors\/listsessionerrors$/);
    const samples = page.locator('.panel-request-samples').first();
    const code = samples.locator('[data-component-name="CodeBlock/CodeBlockContainer"]').first();
    await code.waitFor({ state: 'visible' });
    // The previous page's panel may linger for a frame while Redoc swaps pages.
    await expect.poll(() => code.innerText()).toContain('/session-errors?limit=20');
    expect(await code.innerText()).toContain('Authorization: Bearer');

    await samples.getByRole('button', { name: 'curl', exact: true }).click();
    await page.getByRole('menuitem', { name: 'TypeScript', exact: true }).click();
    await expect.poll(() => code.innerText()).toContain("client.paginate('/session-errors'");
    expect(await code.isVisible()).toBe(true);

    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: `${artifacts}listSessionErrors.png` });
  });

  it('finds "error group" with the search', async () => {
    await page.locator('[data-component-name="Search/SearchTrigger"], [data-component-name="icons/SearchIcon/SearchIcon"]').first().click();
    const input = page.locator('[data-component-name="Search/SearchInput"] input, input[type="search"], input').first();
    await input.waitFor({ state: 'visible' });
    await input.fill('error group');
    const hit = page.locator('[data-component-name="Search/SearchItem"]', { hasText: /error group/i }).first();
    await hit.waitFor({ state: 'visible' });
    expect(await page.locator('[data-component-name="Search/SearchItem"]').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${artifacts}search.png` });
    await page.keyboard.press('Escape');
  });

  it("loads Redoc's script, its state and the console once each, as content-hashed files of the site (the state's preload is used)", () => {
    const hashed = seen.map((url) => new URL(url).pathname).filter((path) => /\.[0-9a-f]{12}\.(js|json)$/.test(path));
    expect(hashed.map((path) => path.replace(/\.[0-9a-f]{12}\./, '.*.')).sort()).toEqual([
      '/redoc-state.*.json',
      '/redoc.*.js',
      '/try-it.*.js',
    ]);
  });

  it('keeps the reader on the page when a link is tapped before Redoc has hydrated (fragment links)', async () => {
    // Redoc's script never arrives here: the page stays as prerendered, as on a slow phone before hydration.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.route(/\/redoc\.[0-9a-f]{12}\.js$/, (route) => route.abort());
    const early = await context.newPage();
    try {
      await early.goto(server.url + '/', { waitUntil: 'load' });
      const loads: string[] = [];
      early.on('request', (request) => request.isNavigationRequest() && loads.push(request.url()));
      await early.locator('#redoc a[href$="/session-errors"]').first().click();
      await expect.poll(() => early.url()).toBe(`${server.url}/#/session-errors`);
      expect(loads).toEqual([]);
      expect(await early.locator('#redoc').innerText()).toContain('Session Observability API');
    } finally {
      await context.close();
    }
  });

  it('made no failed or off-origin requests and logged no console errors', () => {
    expect(seen.length).toBeGreaterThan(0);
    expect([...new Set(offOrigin)]).toEqual([]);
    expect(failed).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
