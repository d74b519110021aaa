#!/usr/bin/env node
// @ts-check
// Page budget of the built site (`pnpm bench`): bytes transferred and time to first render in headless
// Chromium, cold cache, median of RUNS loads from our docs server (compressed, as `pnpm start` sends
// it), side by side with the same page without the Try it console (the baseline) and with the one-file
// page of before the split (build/single-file/); loads alternate between the three. Also the gzip bytes of a first load (the page and the files it loads) and what the
// console adds to them. Writes artifacts/budget.json, prints a Markdown table, exits 1 over budget.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '@session-obs/devkit';
import { withoutConsole } from '../src/page.js';
import { serveDocs, siteDir } from '../src/serve.js';
import { HYDRATED } from './hydrated.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? '7');
/** Budget: the page, and what the Try it console adds to it. */
export const BUDGET = { transferBytes: 800 * 1024, gzipBytes: 1_000_000, firstContentfulPaintMs: 300, consoleGzipBytes: 60_000 };

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url));
const median = (/** @type {number[]} */ values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const gzip = (/** @type {string} */ text) => gzipSync(text, { level: 9 }).length;
/** The content-hashed files a page loads (Redoc's script, imported by the entry, and state; the console), their texts. */
const loadedBy = (/** @type {string} */ html) =>
  [...html.matchAll(/(?:src="|href="|import\('\.\/)([\w-]+\.[0-9a-f]{12}\.(?:js|json))["']/g)].map((match) =>
    readFileSync(join(siteDir, match[1] ?? ''), 'utf8'),
  );
/** gzip -9 bytes of a first load: the page and each file it loads. */
const firstLoadGzip = (/** @type {string} */ html) => [html, ...loadedBy(html)].reduce((sum, text) => sum + gzip(text), 0);

// The baseline: the same site with the console taken out of the page.
const page = readFileSync(join(siteDir, 'index.html'), 'utf8');
const bareDir = mkdtempSync(join(tmpdir(), 'docs-baseline-'));
cpSync(siteDir, bareDir, { recursive: true });
for (const copy of ['index.html.br', 'index.html.gz']) rmSync(join(bareDir, copy));
writeFileSync(join(bareDir, 'index.html'), withoutConsole(page));
// And the page of before the split (build/single-file/: Redoc and the spec inline), from the same server.
const singleDir = mkdtempSync(join(tmpdir(), 'docs-single-file-'));
cpSync(bareDir, singleDir, { recursive: true });
cpSync(fileURLToPath(new URL('../build/single-file/index.html', import.meta.url)), join(singleDir, 'index.html'));

const loadBefore = loadavg();
const servers = {
  console: await serveDocs({ port: 0 }),
  baseline: await serveDocs({ dir: bareDir, port: 0 }),
  singleFile: await serveDocs({ dir: singleDir, port: 0 }),
};
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
/** @typedef {{ transferBytes: number, requests: number, firstContentfulPaintMs: number, domContentLoadedMs: number, loadMs: number }} Load */
/** @typedef {'console' | 'baseline' | 'singleFile'} Variant */
/** @type {Record<Variant, Load[]>} */
const runs = { console: [], baseline: [], singleFile: [] };

/** One cold load of `url`: bytes received, requests, first contentful paint, DOMContentLoaded, load. */
/** @param {string} url @returns {Promise<Load>} */
async function load(url) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  let transferBytes = 0;
  let requests = 0;
  cdp.on('Network.loadingFinished', (event) => {
    transferBytes += event.encodedDataLength;
    requests++;
  });
  await tab.goto(url + '/', { waitUntil: 'load' });
  await tab.locator('[data-component-name="Menu/MenuItem"]').first().waitFor();
  // Redoc's script is asked for after the first paint: the count includes it once Redoc has hydrated.
  await tab.waitForFunction(HYDRATED);
  await tab.waitForTimeout(300); // late requests (logo, favicon) land in the count
  const timing = await tab.evaluate(() => {
    const [nav] = /** @type {PerformanceNavigationTiming[]} */ (performance.getEntriesByType('navigation'));
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    return {
      firstContentfulPaintMs: fcp?.startTime ?? NaN,
      domContentLoadedMs: nav?.domContentLoadedEventEnd ?? NaN,
      loadMs: nav?.loadEventEnd ?? NaN,
    };
  });
  await context.close();
  return { transferBytes, requests, ...timing };
}

try {
  // Alternate which variant loads first, so neither always gets the warmer (or the busier) slot.
  for (let i = 0; i < RUNS; i++) {
    /** @type {Variant[]} */
    const order = i % 2 ? ['singleFile', 'baseline', 'console'] : ['console', 'baseline', 'singleFile'];
    for (const variant of order) runs[variant].push(await load(servers[variant].url));
  }
} finally {
  await browser.close();
  await Promise.all(Object.values(servers).map((server) => server.close()));
  rmSync(bareDir, { recursive: true, force: true });
  rmSync(singleDir, { recursive: true, force: true });
}

const summary = (/** @type {Load[]} */ samples) => ({
  transferBytes: median(samples.map((r) => r.transferBytes)),
  requests: median(samples.map((r) => r.requests)),
  firstContentfulPaintMs: Math.round(median(samples.map((r) => r.firstContentfulPaintMs))),
  domContentLoadedMs: Math.round(median(samples.map((r) => r.domContentLoadedMs))),
  loadMs: Math.round(median(samples.map((r) => r.loadMs))),
});
const consoleBlock = page.slice(page.indexOf('<!-- try-it console -->'), page.indexOf('<!-- /try-it console -->'));
const siteFiles = readdirSync(siteDir, { recursive: true, encoding: 'utf8' }).filter((name) => statSync(join(siteDir, name)).isFile());
const result = {
  measuredAt: new Date().toISOString(),
  chromium: browser.version(),
  runs: RUNS,
  loadAverage: { before: loadBefore.map((n) => n.toFixed(2)), after: loadavg().map((n) => n.toFixed(2)) },
  files: siteFiles.length,
  siteBytes: siteFiles.reduce((n, name) => n + statSync(join(siteDir, name)).size, 0),
  gzipBytes: firstLoadGzip(page),
  pageGzipBytes: gzip(page),
  console: {
    gzipBytesAlone: firstLoadGzip(consoleBlock),
    gzipBytesAdded: firstLoadGzip(page) - firstLoadGzip(withoutConsole(page)),
    rawBytes: [consoleBlock, ...loadedBy(consoleBlock)].reduce((n, text) => n + Buffer.byteLength(text), 0),
  },
  ...summary(runs.console),
  baseline: summary(runs.baseline),
  singleFile: summary(runs.singleFile),
  budget: BUDGET,
};
mkdirSync(artifacts, { recursive: true });
writeFileSync(join(artifacts, 'budget.json'), JSON.stringify({ ...result, samples: runs }, null, 2) + '\n');

const mb = (/** @type {number} */ n) => `${(n / 1_000_000).toFixed(2)} MB`;
const kib = (/** @type {number} */ n) => `${Math.round(n / 1024)} KiB`;
const kb = (/** @type {number} */ n) => `${(n / 1000).toFixed(1)} kB`;
console.log(`Docs page budget, median of ${RUNS} cold loads each in headless Chromium ${result.chromium} (our docs server, compressed),`);
console.log(`load average ${result.loadAverage.before.join(' ')} before, ${result.loadAverage.after.join(' ')} after:\n`);
console.log(
  '| metric | with the console | without (baseline) | one-file page (before the split) | budget |\n| --- | --- | --- | --- | --- |',
);
console.log(
  `| bytes transferred (${result.requests} requests) | ${kib(result.transferBytes)} | ${kib(result.baseline.transferBytes)} | ${kib(result.singleFile.transferBytes)} | ${kib(BUDGET.transferBytes)} |`,
);
console.log(
  `| first load gzip -9 (page ${kb(result.pageGzipBytes)} + the files it loads) | ${mb(result.gzipBytes)} | ${mb(firstLoadGzip(withoutConsole(page)))} | — | ${mb(BUDGET.gzipBytes)} |`,
);
console.log(
  `| gzip bytes the console adds | ${kb(result.console.gzipBytesAdded)} (${kb(result.console.gzipBytesAlone)} alone) | — | — | ${kb(BUDGET.consoleGzipBytes)} |`,
);
console.log(
  `| first contentful paint | ${result.firstContentfulPaintMs} ms | ${result.baseline.firstContentfulPaintMs} ms | ${result.singleFile.firstContentfulPaintMs} ms | ${BUDGET.firstContentfulPaintMs} ms |`,
);
console.log(
  `| DOMContentLoaded | ${result.domContentLoadedMs} ms | ${result.baseline.domContentLoadedMs} ms | ${result.singleFile.domContentLoadedMs} ms | — |`,
);
console.log(`| load event | ${result.loadMs} ms | ${result.baseline.loadMs} ms | ${result.singleFile.loadMs} ms | — |`);
console.log(`\nwritten to artifacts/budget.json`);

const over = [
  result.transferBytes > BUDGET.transferBytes && 'bytes transferred',
  result.gzipBytes > BUDGET.gzipBytes && 'gzip size',
  result.console.gzipBytesAlone > BUDGET.consoleGzipBytes && 'console gzip bytes',
  !(result.firstContentfulPaintMs <= BUDGET.firstContentfulPaintMs) && 'first contentful paint',
].filter(Boolean);
if (over.length) {
  console.error(`✖ over budget: ${over.join(', ')}`);
  process.exit(1);
}
