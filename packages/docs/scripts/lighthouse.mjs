#!/usr/bin/env node
// @ts-check
// Lighthouse 12 (mobile and desktop presets, simulated throttling) on the docs as our server sends them
// (`serveDocs` with the console settings `pnpm start` gives it), beside the baseline: the site before
// issue 21, i.e. the one-file page the build writes to build/single-file/ (Redoc and the spec inline)
// and the rest of dist/, from a bare static server with no compression and no validators. Medians of LH_RUNS runs (default 3) per preset and server. Also the bytes of a first
// visit and of a repeat visit (Chromium's own cache, CDP's encodedDataLength). Writes
// artifacts/lighthouse.json and prints a table for the README.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '@session-obs/devkit';
import { contentType } from '../src/serve/content-type.js';
import { serveDocs, siteDir } from '../src/serve.js';
import { localConsoleConfig } from '../src/try-it-config.js';
import { HYDRATED } from './hydrated.mjs';

const RUNS = Number(process.env.LH_RUNS ?? '3');
const here = (/** @type {string} */ path) => fileURLToPath(new URL(path, import.meta.url));
const median = (/** @type {number[]} */ values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

const singleFilePage = here('../build/single-file/index.html');

/** The baseline: the one-file page and dist/ sent as files, uncompressed, no ETag, `no-cache`. */
function bareServer() {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const page = path === '/' || path === '/index.html';
    const file = page ? singleFilePage : normalize(join(siteDir, path));
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': contentType(file), 'Content-Length': body.length, 'Cache-Control': 'no-cache' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done(undefined))) });
    }),
  );
}

/** One Lighthouse run (a child process: the servers share this process's event loop); resolves with its scores and timings. */
async function lighthouse(/** @type {string} */ url, /** @type {'mobile' | 'desktop'} */ preset) {
  const out = join(tmpdir(), `lh-${process.pid}-${Date.now()}.json`);
  const args = [url, '--output=json', `--output-path=${out}`, '--quiet', '--only-categories=performance,accessibility,best-practices'];
  if (preset === 'desktop') args.push('--preset=desktop');
  args.push(`--chrome-flags=--headless=new --no-sandbox ${CHROMIUM_ARGS.filter((flag) => flag !== '--no-sandbox').join(' ')}`);
  // On a loaded machine Lighthouse sometimes gives up waiting for Chromium: one more try, then fail.
  for (let attempt = 1; ; attempt++) {
    try {
      await promisify(execFile)(here('../node_modules/.bin/lighthouse'), args, {
        env: { ...process.env, CHROME_PATH: chromiumPath() },
        timeout: 300_000,
        maxBuffer: 64 * 1024 * 1024,
      });
      break;
    } catch (error) {
      if (attempt >= 2) throw error;
      console.error(
        `lighthouse ${preset} ${url}: retrying after: ${String(error instanceof Error ? error.message : error).split('\n')[1] ?? ''}`,
      );
    }
  }
  const report = JSON.parse(readFileSync(out, 'utf8'));
  const audit = (/** @type {string} */ id) => report.audits[id]?.numericValue ?? NaN;
  return {
    performance: Math.round(report.categories.performance.score * 100),
    accessibility: Math.round(report.categories.accessibility.score * 100),
    bestPractices: Math.round(report.categories['best-practices'].score * 100),
    fcpMs: Math.round(audit('first-contentful-paint')),
    lcpMs: Math.round(audit('largest-contentful-paint')),
    tbtMs: Math.round(audit('total-blocking-time')),
    bytes: Math.round(audit('total-byte-weight')),
  };
}

/** Bytes received on a first visit and on a repeat visit in the same browser (its HTTP cache on). */
async function visitBytes(/** @type {string} */ url) {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    let bytes = 0;
    cdp.on('Network.loadingFinished', (event) => (bytes += event.encodedDataLength));
    const visit = async () => {
      bytes = 0;
      await page.goto(url, { waitUntil: 'load' });
      // Redoc's script is asked for after the first paint: the count includes it once Redoc has hydrated.
      await page.waitForFunction(HYDRATED);
      await page.waitForTimeout(1500);
      return bytes;
    };
    return { first: await visit(), repeat: await visit() };
  } finally {
    await browser.close();
  }
}

const spec = JSON.parse(readFileSync(join(siteDir, 'openapi.json'), 'utf8'));
const ours = await serveDocs({
  port: 0,
  consoleConfig: localConsoleConfig(spec, {
    mock: { url: 'http://127.0.0.1:4010' },
    sandbox: { url: 'http://127.0.0.1:4020', token: 'metorial_sk_sandbox_dev' },
  }),
});
const bare = /** @type {{ url: string, close(): Promise<unknown> }} */ (await bareServer());
const loadBefore = loadavg();
/** @typedef {Awaited<ReturnType<typeof lighthouse>>} Run */
/** @typedef {{ mobile: Run[], desktop: Run[] }} Runs */
/** @type {{ ours: Runs, baseline: Runs }} */
const runs = { ours: { mobile: [], desktop: [] }, baseline: { mobile: [], desktop: [] } };
/** @type {Record<string, { first: number, repeat: number }>} */
const visits = {};
try {
  for (let run = 0; run < RUNS; run++) {
    for (const preset of /** @type {const} */ (['mobile', 'desktop'])) {
      // Alternating servers, so load on the machine falls on both alike.
      runs.ours[preset].push(await lighthouse(ours.url + '/', preset));
      runs.baseline[preset].push(await lighthouse(bare.url + '/', preset));
    }
  }
  visits.ours = await visitBytes(ours.url + '/');
  visits.baseline = await visitBytes(bare.url + '/');
} finally {
  await ours.close();
  await bare.close();
}

/** Medians of each figure over the runs. */
const medians = (/** @type {Run[]} */ list) =>
  Object.fromEntries(Object.keys(list[0] ?? {}).map((key) => [key, median(list.map((entry) => /** @type {any} */ (entry)[key]))]));
const result = {
  measuredAt: new Date().toISOString(),
  runs: RUNS,
  loadAverage: { before: loadBefore.map((n) => n.toFixed(1)), after: loadavg().map((n) => n.toFixed(1)) },
  ours: { mobile: medians(runs.ours.mobile), desktop: medians(runs.ours.desktop), visits: visits.ours },
  baseline: { mobile: medians(runs.baseline.mobile), desktop: medians(runs.baseline.desktop), visits: visits.baseline },
  samples: runs,
};
mkdirSync(here('../artifacts/'), { recursive: true });
writeFileSync(here('../artifacts/lighthouse.json'), JSON.stringify(result, null, 2) + '\n');
const kib = (/** @type {number} */ n) => `${Math.round(n / 1024)} KiB`;
console.log(
  `Lighthouse 12.2.3, medians of ${RUNS} (load average ${result.loadAverage.before.join(' ')} → ${result.loadAverage.after.join(' ')}):\n`,
);
console.log('| figure | ours mobile | baseline mobile | ours desktop | baseline desktop |\n| --- | --- | --- | --- | --- |');
for (const key of ['performance', 'accessibility', 'bestPractices', 'fcpMs', 'lcpMs', 'tbtMs', 'bytes'])
  console.log(
    `| ${key} | ${result.ours.mobile[key]} | ${result.baseline.mobile[key]} | ${result.ours.desktop[key]} | ${result.baseline.desktop[key]} |`,
  );
console.log(
  `\nbytes received, first visit / repeat visit: ours ${kib(visits.ours?.first ?? 0)} / ${kib(visits.ours?.repeat ?? 0)}; baseline ${kib(visits.baseline?.first ?? 0)} / ${kib(visits.baseline?.repeat ?? 0)}`,
);
console.log('written to artifacts/lighthouse.json');
