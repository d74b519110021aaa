#!/usr/bin/env node
// Page budget of the built site (`pnpm bench`): bytes transferred and time to first render in headless
// Chromium, cold cache, median of RUNS loads from the local static server, side by side with the same
// page without the Try it console (the baseline: loads alternate between the two). Also what the console
// adds in gzip bytes. Writes artifacts/budget.json, prints a Markdown table, exits 1 over budget.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '@session-obs/devkit';
import { withoutConsole } from '../src/page.js';
import { serveDocs, siteDir } from '../src/serve.js';

const RUNS = Number(process.env.BENCH_RUNS ?? '7');
/** Budget: the page, and what the Try it console adds to it. */
export const BUDGET = { transferBytes: 3_500_000, gzipBytes: 1_000_000, firstContentfulPaintMs: 300, consoleGzipBytes: 60_000 };

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const gzip = (text) => gzipSync(text, { level: 9 }).length;

// The baseline: the same site with the console taken out of the page.
const page = readFileSync(join(siteDir, 'index.html'), 'utf8');
const bareDir = mkdtempSync(join(tmpdir(), 'docs-baseline-'));
for (const name of readdirSync(siteDir)) copyFileSync(join(siteDir, name), join(bareDir, name));
writeFileSync(join(bareDir, 'index.html'), withoutConsole(page));

const loadBefore = loadavg();
const servers = { console: await serveDocs({ port: 0 }), baseline: await serveDocs({ dir: bareDir, port: 0 }) };
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const runs = { console: [], baseline: [] };

/** One cold load of `url`: bytes received, requests, first contentful paint, DOMContentLoaded, load. */
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
  await tab.waitForTimeout(300); // late requests (logo, favicon) land in the count
  const timing = await tab.evaluate(() => {
    const [nav] = performance.getEntriesByType('navigation');
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    return { firstContentfulPaintMs: fcp?.startTime ?? NaN, domContentLoadedMs: nav.domContentLoadedEventEnd, loadMs: nav.loadEventEnd };
  });
  await context.close();
  return { transferBytes, requests, ...timing };
}

try {
  // Alternate which variant loads first, so neither always gets the warmer (or the busier) slot.
  for (let i = 0; i < RUNS; i++) {
    const order = i % 2 ? ['baseline', 'console'] : ['console', 'baseline'];
    for (const variant of order) runs[variant].push(await load(servers[variant].url));
  }
} finally {
  await browser.close();
  await Promise.all(Object.values(servers).map((server) => server.close()));
  rmSync(bareDir, { recursive: true, force: true });
}

const summary = (samples) => ({
  transferBytes: median(samples.map((r) => r.transferBytes)),
  requests: median(samples.map((r) => r.requests)),
  firstContentfulPaintMs: Math.round(median(samples.map((r) => r.firstContentfulPaintMs))),
  domContentLoadedMs: Math.round(median(samples.map((r) => r.domContentLoadedMs))),
  loadMs: Math.round(median(samples.map((r) => r.loadMs))),
});
const consoleBlock = page.slice(page.indexOf('<!-- try-it console -->'), page.indexOf('<!-- /try-it console -->'));
const result = {
  measuredAt: new Date().toISOString(),
  chromium: browser.version(),
  runs: RUNS,
  loadAverage: { before: loadBefore.map((n) => n.toFixed(2)), after: loadavg().map((n) => n.toFixed(2)) },
  files: readdirSync(siteDir).length,
  siteBytes: readdirSync(siteDir).reduce((n, name) => n + readFileSync(join(siteDir, name)).length, 0),
  gzipBytes: gzip(page),
  console: {
    gzipBytesAlone: gzip(consoleBlock),
    gzipBytesAdded: gzip(page) - gzip(withoutConsole(page)),
    rawBytes: Buffer.byteLength(consoleBlock),
  },
  ...summary(runs.console),
  baseline: summary(runs.baseline),
  budget: BUDGET,
};
mkdirSync(artifacts, { recursive: true });
writeFileSync(join(artifacts, 'budget.json'), JSON.stringify({ ...result, samples: runs }, null, 2) + '\n');

const mb = (n) => `${(n / 1_000_000).toFixed(2)} MB`;
const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
console.log(`Docs page budget, median of ${RUNS} cold loads each in headless Chromium ${result.chromium} (local server, no compression),`);
console.log(`load average ${result.loadAverage.before.join(' ')} before, ${result.loadAverage.after.join(' ')} after:\n`);
console.log('| metric | with the console | without (baseline) | budget |\n| --- | --- | --- | --- |');
console.log(
  `| bytes transferred (${result.requests} requests) | ${mb(result.transferBytes)} | ${mb(result.baseline.transferBytes)} | ${mb(BUDGET.transferBytes)} |`,
);
console.log(`| index.html gzip -9 | ${mb(result.gzipBytes)} | ${mb(gzip(withoutConsole(page)))} | ${mb(BUDGET.gzipBytes)} |`);
console.log(
  `| gzip bytes the console adds | ${kb(result.console.gzipBytesAdded)} (${kb(result.console.gzipBytesAlone)} alone) | — | ${kb(BUDGET.consoleGzipBytes)} |`,
);
console.log(
  `| first contentful paint | ${result.firstContentfulPaintMs} ms | ${result.baseline.firstContentfulPaintMs} ms | ${BUDGET.firstContentfulPaintMs} ms |`,
);
console.log(`| DOMContentLoaded | ${result.domContentLoadedMs} ms | ${result.baseline.domContentLoadedMs} ms | — |`);
console.log(`| load event | ${result.loadMs} ms | ${result.baseline.loadMs} ms | — |`);
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
