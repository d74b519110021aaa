#!/usr/bin/env node
// Page budget of the built site (`pnpm bench`): bytes transferred and time to first render in
// headless Chromium, cold cache, median of RUNS loads from the local static server. Writes
// artifacts/budget.json, prints a Markdown table for the README, and exits 1 over budget.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '@session-obs/devkit';
import { serveDocs, siteDir } from '../src/serve.js';

const RUNS = Number(process.env.BENCH_RUNS ?? '7');
/** Budget: the page must stay under these (measured 2.70 MB transferred, 0.72 MB gzip, FCP ~360 ms; see README). */
export const BUDGET = { transferBytes: 3_500_000, gzipBytes: 1_000_000, firstContentfulPaintMs: 1_500 };

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const server = await serveDocs({ port: 0 });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const runs = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    let transferBytes = 0;
    let requests = 0;
    cdp.on('Network.loadingFinished', (event) => {
      transferBytes += event.encodedDataLength;
      requests++;
    });
    await page.goto(server.url + '/', { waitUntil: 'load' });
    await page.locator('[data-component-name="Menu/MenuItem"]').first().waitFor();
    await page.waitForTimeout(300); // late requests (logo, favicon) land in the count
    const timing = await page.evaluate(() => {
      const [nav] = performance.getEntriesByType('navigation');
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return { firstContentfulPaintMs: fcp?.startTime ?? NaN, domContentLoadedMs: nav.domContentLoadedEventEnd, loadMs: nav.loadEventEnd };
    });
    runs.push({ transferBytes, requests, ...timing });
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}

const files = readdirSync(siteDir).map((name) => readFileSync(join(siteDir, name)));
const result = {
  measuredAt: new Date().toISOString(),
  chromium: browser.version(),
  runs: RUNS,
  files: files.length,
  siteBytes: files.reduce((n, f) => n + f.length, 0),
  gzipBytes: gzipSync(readFileSync(join(siteDir, 'index.html')), { level: 9 }).length,
  transferBytes: median(runs.map((r) => r.transferBytes)),
  requests: median(runs.map((r) => r.requests)),
  firstContentfulPaintMs: Math.round(median(runs.map((r) => r.firstContentfulPaintMs))),
  domContentLoadedMs: Math.round(median(runs.map((r) => r.domContentLoadedMs))),
  loadMs: Math.round(median(runs.map((r) => r.loadMs))),
  budget: BUDGET,
};
mkdirSync(artifacts, { recursive: true });
writeFileSync(join(artifacts, 'budget.json'), JSON.stringify({ ...result, samples: runs }, null, 2) + '\n');

const mb = (n) => `${(n / 1_000_000).toFixed(2)} MB`;
console.log(`Docs page budget, median of ${RUNS} cold loads in headless Chromium ${result.chromium} (local server, no compression):\n`);
console.log('| metric | measured | budget |\n| --- | --- | --- |');
console.log(`| bytes transferred (${result.requests} requests) | ${mb(result.transferBytes)} | ${mb(BUDGET.transferBytes)} |`);
console.log(`| index.html gzip -9 (what a compressing host sends) | ${mb(result.gzipBytes)} | ${mb(BUDGET.gzipBytes)} |`);
console.log(`| first contentful paint | ${result.firstContentfulPaintMs} ms | ${BUDGET.firstContentfulPaintMs} ms |`);
console.log(`| DOMContentLoaded | ${result.domContentLoadedMs} ms | — |`);
console.log(`| load event | ${result.loadMs} ms | — |`);
console.log(`\nwritten to artifacts/budget.json`);

const over = [
  result.transferBytes > BUDGET.transferBytes && 'bytes transferred',
  result.gzipBytes > BUDGET.gzipBytes && 'gzip size',
  !(result.firstContentfulPaintMs <= BUDGET.firstContentfulPaintMs) && 'first contentful paint',
].filter(Boolean);
if (over.length) {
  console.error(`✖ over budget: ${over.join(', ')}`);
  process.exit(1);
}
