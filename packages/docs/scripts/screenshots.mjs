#!/usr/bin/env node
// @ts-check
// Screenshots of the docs at 1280 and 390 px for the issue 21 note, in artifacts/: `perf-before-*` the
// one-file page of before the split (build/single-file/), `perf-after-*` the built site as our server
// sends it, both once Redoc has hydrated; `perf-prerendered-*` the built site with Redoc's script held
// back (what a reader sees before the hydration: the prerendered page, its styles, the navigation).
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '@session-obs/devkit';
import { serveDocs, siteDir } from '../src/serve.js';
import { HYDRATED } from './hydrated.mjs';

const here = (/** @type {string} */ path) => fileURLToPath(new URL(path, import.meta.url));
const artifacts = here('../artifacts/');
const beforeDir = mkdtempSync(join(tmpdir(), 'docs-before-'));
cpSync(siteDir, beforeDir, { recursive: true });
for (const copy of ['index.html.br', 'index.html.gz']) rmSync(join(beforeDir, copy));
cpSync(here('../build/single-file/index.html'), join(beforeDir, 'index.html'));

const servers = { before: await serveDocs({ dir: beforeDir, port: 0 }), after: await serveDocs({ port: 0 }) };
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
mkdirSync(artifacts, { recursive: true });

/**
 * One screenshot of `url` at `width`; `hydrated` waits for React on the page, else Redoc's script is held back.
 * @param {string} url
 * @param {number} width
 * @param {boolean} hydrated
 * @param {string} file
 */
async function shoot(url, width, hydrated, file) {
  const context = await browser.newContext({ viewport: { width, height: 844 } });
  if (!hydrated) await context.route(/\/redoc\.[0-9a-f]{12}\.js$/, (route) => route.abort());
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.locator('[data-component-name="Markdown/Markdown"]').first().waitFor();
  if (hydrated) await page.waitForFunction(HYDRATED);
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(artifacts, file) });
  await context.close();
  console.log(`✔ artifacts/${file}`);
}

try {
  for (const width of [1280, 390]) {
    await shoot(servers.before.url + '/', width, true, `perf-before-${width}.png`);
    await shoot(servers.after.url + '/', width, true, `perf-after-${width}.png`);
    await shoot(servers.after.url + '/', width, false, `perf-prerendered-${width}.png`);
  }
} finally {
  await browser.close();
  await Promise.all(Object.values(servers).map((server) => server.close()));
  rmSync(beforeDir, { recursive: true, force: true });
}
