#!/usr/bin/env node
// @ts-check
// `pnpm dev` speed (`pnpm bench`): time from saving an edit of one operation's text to the served docs
// containing it (the page, the Redoc state it loads and the operation's Markdown page), median of EDITS edits on a temp copy of openapi/, with the loop's background steps
// running as in `pnpm dev` (mock restart, types generated into a temp file, Spectral). Side by side: the
// CLI path a rebuild took before (`redocly bundle` + `redocly build-docs`, no turbo), median of 3.
// Writes artifacts/dev-loop.json and exits 1 when the median is over 2 s.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { commandStep, startDev } from '../src/dev/index.js';

const EDITS = Number(process.env.BENCH_EDITS ?? '7');
const BASELINE_RUNS = 3;
/** Budget: save → served page, state and Markdown page, median. */
export const BUDGET_MS = 2_000;

const here = (/** @type {string} */ path) => fileURLToPath(new URL(path, import.meta.url));
const bin = (/** @type {string} */ pkg, /** @type {string} */ name) => here(`../../${pkg}/node_modules/.bin/${name}`);
const median = (/** @type {number[]} */ values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const work = mkdtempSync(join(tmpdir(), 'docs-dev-bench-'));
const specRoot = join(work, 'openapi');
cpSync(here('../../../openapi/'), specRoot, { recursive: true });
const file = join(specRoot, 'paths', 'session-errors.yaml');
const original = readFileSync(file, 'utf8');
const specOut = { json: join(work, 'openapi.json'), yaml: join(work, 'openapi.yaml') };
const loadBefore = loadavg();

/** The old path once: a `redocly bundle` process, then a `redocly build-docs` process; ms. */
/** @param {number} run */
function cliRebuild(run) {
  const started = performance.now();
  for (const args of [
    ['bundle', join(specRoot, 'openapi.yaml'), '-o', join(work, `cli-${run}.json`)],
    ['build-docs', join(work, `cli-${run}.json`), '-o', join(work, `cli-${run}.html`), '--inlineBundle'],
  ]) {
    const result = spawnSync(here('../node_modules/.bin/redocly'), args, {
      encoding: 'utf8',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off' },
    });
    if (result.status !== 0) throw new Error(`redocly ${args[0]} failed: ${result.stderr}`);
  }
  return performance.now() - started;
}

const log = [];
const dev = await startDev({
  specRoot,
  redoclyConfig: here('../../spec/redocly.yaml'),
  specOut,
  log: (line) => log.push(line),
  followUps: [
    commandStep({
      name: 'types',
      command: bin('types', 'openapi-typescript'),
      args: [specOut.json, '-o', join(work, 'schema.d.ts')],
      log: () => {},
    }),
    commandStep({
      name: 'spectral',
      command: bin('spec', 'spectral'),
      args: ['lint', specOut.json, '--ruleset', here('../../spec/.spectral.yaml')],
      log: () => {},
    }),
  ],
});

const text = async (/** @type {string} */ path) => (await fetch(dev.docsUrl + path)).text();
/** True once the page, the Redoc state it names and the operation's Markdown page all carry `marker`. */
/** @param {string} marker */
async function servedEverywhere(marker) {
  const html = await text('/');
  const state = /id="redoc-state" href="([^"]+)"/.exec(html)?.[1];
  if (!html.includes(marker) || !state || !(await text(`/${state}`)).includes(marker)) return false;
  return (await text('/operations/listSessionErrors.md')).includes(marker);
}

const edits = [];
const settled = [];
try {
  for (let i = 0; i < EDITS; i++) {
    await dev.idle();
    const marker = `Bench edit ${i} ${Date.now().toString(36)}`;
    const started = performance.now();
    writeFileSync(file, original.replace('summary: List all session errors', `summary: ${marker}`));
    while (!(await servedEverywhere(marker))) await new Promise((resolve) => setTimeout(resolve, 10));
    edits.push(performance.now() - started);
    await dev.idle();
    settled.push(performance.now() - started);
  }
} finally {
  await dev.close();
}
const baseline = Array.from({ length: BASELINE_RUNS }, (_, run) => cliRebuild(run));
rmSync(work, { recursive: true, force: true });

const result = {
  measuredAt: new Date().toISOString(),
  edits: EDITS,
  loadAverage: { before: loadBefore.map((n) => n.toFixed(2)), after: loadavg().map((n) => n.toFixed(2)) },
  editToServedMs: Math.round(median(edits)),
  editToServedMaxMs: Math.round(Math.max(...edits)),
  editToAllStepsDoneMs: Math.round(median(settled)),
  baselineCliRebuildMs: Math.round(median(baseline)),
  budgetMs: BUDGET_MS,
  samples: { edits: edits.map(Math.round), settled: settled.map(Math.round), baseline: baseline.map(Math.round) },
};
mkdirSync(here('../artifacts/'), { recursive: true });
writeFileSync(here('../artifacts/dev-loop.json'), JSON.stringify(result, null, 2) + '\n');
console.log(`pnpm dev loop, ${EDITS} edits of one operation's summary on a temp copy of openapi/`);
console.log(`(load average ${result.loadAverage.before.join(' ')} before, ${result.loadAverage.after.join(' ')} after):\n`);
console.log('| metric | median | budget |\n| --- | --- | --- |');
console.log(
  `| save → served page, Redoc state and .md page contain the edit | ${result.editToServedMs} ms (max ${result.editToServedMaxMs}) | ${BUDGET_MS} ms |`,
);
console.log(`| save → mock restarted, types and Spectral done | ${result.editToAllStepsDoneMs} ms | — |`);
console.log(`| baseline: redocly bundle + build-docs processes | ${result.baselineCliRebuildMs} ms | — |`);
console.log('\nwritten to artifacts/dev-loop.json');
if (!(result.editToServedMs <= BUDGET_MS)) {
  console.error(`✖ over budget: save → served ${result.editToServedMs} ms`);
  process.exit(1);
}
