// A `deprecated: true` operation and property show as deprecated in the rendered docs (Redoc's
// badge), checked in a real browser on a copy of the bundle with one of each marked.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSpec } from '@session-obs/spec';
import { serveDocs } from '../src/serve.js';
import { CHROMIUM_ARGS, chromiumPath } from '@session-obs/devkit';

const dir = mkdtempSync(join(tmpdir(), 'docs-deprecated-'));
let server: Awaited<ReturnType<typeof serveDocs>>;
let browser: Browser;

beforeAll(() => {
  // A copy of the bundled spec, edited key by key: a loose view.
  const spec: any = loadSpec();
  spec.paths['/session-errors'].get.deprecated = true;
  spec.components.schemas.SessionError.properties.connection_id.deprecated = true;
  writeFileSync(join(dir, 'openapi.json'), JSON.stringify(spec));
  const redocly = join(import.meta.dirname, '..', 'node_modules', '.bin', 'redocly');
  execFileSync(redocly, ['build-docs', join(dir, 'openapi.json'), '-o', join(dir, 'index.html'), '--inlineBundle'], {
    env: { ...process.env, REDOCLY_TELEMETRY: 'off' },
    stdio: 'pipe',
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('deprecation in the rendered docs', () => {
  it('shows the Deprecated badge on the operation and its field', async () => {
    server = await serveDocs({ dir, port: 0 });
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    const context = await browser.newContext();
    await context.route('**/*', (route) => (route.request().url().startsWith(server.url) ? route.continue() : route.abort()));
    const page = await context.newPage();
    const text = async (route: string) => {
      await page.goto(`${server.url}/#/${route}`, { waitUntil: 'load' });
      const main = page.locator('[data-component-name="Operation/Operation"], main').first();
      await main.waitFor();
      return main;
    };
    // The deprecated operation carries the badge …
    const deprecated = await text('session-errors/listsessionerrors');
    await expect.poll(() => deprecated.innerText(), { timeout: 15_000 }).toMatch(/List all session errors/);
    await expect.poll(() => deprecated.innerText(), { timeout: 15_000 }).toMatch(/deprecated/i);
    await page.screenshot({ path: join(dir, 'deprecated.png') });
    // … and an operation with nothing deprecated does not.
    const plain = await text('session-error-groups/getsessionerrorgroup');
    await expect.poll(() => plain.innerText(), { timeout: 15_000 }).toMatch(/Get session error group/);
    expect(await plain.innerText()).not.toMatch(/deprecated/i);
  });
});
