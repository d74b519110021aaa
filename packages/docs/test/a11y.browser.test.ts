// Accessibility of the site as `pnpm start` serves it (beside a real sandbox), judged by axe-core in
// Chromium at 1280 and 390 px: no violation of serious or critical impact on the overview, on an
// operation, with Try it open and after Send. The console is driven by the keyboard only: Enter on
// Try it moves the focus into the dialog, Tab reaches Send, Enter sends and the focus stays on Send,
// Escape closes the dialog and gives the focus back to the button that opened it. A page built for a
// hosted sandbox (DOCS_SANDBOX_URL) adds "Get a sandbox key": reached by Tab, pressed with Enter, the
// focus stays on it and its status line passes too.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '@session-obs/devkit';
import { DEFAULT_TOKEN, startSandbox, type RunningSandbox } from '@session-obs/sandbox';
import { serveDocs } from '../src/serve.js';
import { consoleConfigFor } from '../src/try-it-config.js';

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url));
const OPERATION = '#/session-errors/listsessionerrors';
let sandbox: RunningSandbox;
let docs: Awaited<ReturnType<typeof serveDocs>>;
let hostedDocs: Awaited<ReturnType<typeof serveDocs>>;
let hostedDir: string;
let browser: Browser;

/** The site built for a hosted sandbox at `url` (the build script with DOCS_SANDBOX_URL, into a temp folder), served. */
async function serveHostedPage(url: string) {
  hostedDir = mkdtempSync(join(tmpdir(), 'docs-a11y-hosted-'));
  execFileSync(process.execPath, [fileURLToPath(new URL('../scripts/build.mjs', import.meta.url)), '--out', hostedDir], {
    env: { ...process.env, DOCS_SANDBOX_URL: url },
    stdio: 'pipe',
  });
  return serveDocs({ dir: hostedDir, port: 0 });
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, sessions: 10, errors: 100 });
  const consoleConfig = await consoleConfigFor({ sandbox: { url: sandbox.url, token: DEFAULT_TOKEN } });
  docs = await serveDocs({ port: 0, consoleConfig });
  hostedDocs = await serveHostedPage(sandbox.url);
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  mkdirSync(artifacts, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await docs?.close();
  await hostedDocs?.close();
  await sandbox?.stop();
  if (hostedDir) rmSync(hostedDir, { recursive: true, force: true });
});

/** axe's violations of serious or critical impact on the page as it is now, one line each. */
async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.html.slice(0, 120)} ${node.failureSummary ?? ''}`));
}
/** Whether the focused element is inside the Try it dialog, and what it is. */
const focus = (page: Page) =>
  page.evaluate(() => ({
    inDialog: document.activeElement?.closest('[role="dialog"]') !== null,
    text: document.activeElement?.textContent ?? '',
  }));

describe.each([1280, 390])('at %i px', (width) => {
  let page: Page;
  beforeAll(async () => {
    const context = await browser.newContext({ viewport: { width, height: width > 600 ? 900 : 844 } });
    page = await context.newPage();
  });
  afterAll(() => page?.context().close());

  it('has no serious or critical axe violation on the overview', async () => {
    await page.goto(docs.url + '/');
    await page.locator('[role="navigation"][aria-label="API reference"]').waitFor({ state: 'attached' });
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${artifacts}a11y-overview-${width}.png` });
  }, 120_000);

  it('has none on an operation, with Try it open, or after Send, all driven by the keyboard', async () => {
    await page.goto(docs.url + '/' + OPERATION);
    const button = page.locator('[data-try-it="listSessionErrors"]');
    await button.waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await button.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Try it' });
    await dialog.waitFor();
    await expect.poll(() => focus(page)).toMatchObject({ inDialog: true });
    expect(await seriousViolations(page)).toEqual([]);

    for (let presses = 0; (await focus(page)).text !== 'Send'; presses++) {
      expect(presses, 'Send is reachable with Tab').toBeLessThan(40);
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await dialog.locator('[data-status="200"]').waitFor();
    expect(await focus(page)).toEqual({ inDialog: true, text: 'Send' });
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${artifacts}a11y-after-send-${width}.png` });

    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isHidden()).toBe(true);
    expect(await button.evaluate((node) => node === document.activeElement)).toBe(true);
    expect(await button.getAttribute('aria-expanded')).toBe('false');
  }, 240_000);

  it('has none with the hosted sandbox key button, reached by Tab and pressed with Enter', async () => {
    await page.goto(hostedDocs.url + '/' + OPERATION);
    const button = page.locator('[data-try-it="listSessionErrors"]');
    await button.waitFor();
    await button.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Try it' });
    await dialog.waitFor();
    for (let presses = 0; (await focus(page)).text !== 'Get a sandbox key'; presses++) {
      expect(presses, 'Get a sandbox key is reachable with Tab').toBeLessThan(20);
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await dialog.getByRole('status').filter({ hasText: 'Key ready' }).waitFor();
    // The focus stays on the button, which now offers to replace the key.
    expect(await focus(page)).toEqual({ inDialog: true, text: 'Get a new sandbox key' });
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${artifacts}a11y-hosted-key-${width}.png` });
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isHidden()).toBe(true);
  }, 240_000);
});
