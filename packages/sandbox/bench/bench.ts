// `pnpm bench`: seeds 1,000,000 errors (timed, with the progress bar), then runs autocannon against
// the sandbox, the mock (Prism's engine in-process) and a do-nothing ceiling server (bench/ceiling-server.mjs) on the same list and get
// operations, side by side, and prints one table. Built to .bench/ by tsup.bench.config.ts.
// BENCH_ERRORS, BENCH_DURATION (s per run), BENCH_CONNECTIONS and BENCH_WARMUP override the defaults;
// BENCH_BASELINE=<another build's dist/cli.js> also measures that build on the same store, in turn
// with the others (before/after comparisons under the same machine load).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { freePort, startChildServer, type RunningChild } from '@session-obs/devkit';
import { startMock } from '@session-obs/mock';
import { prepareStore, startSandbox } from '../src/index.js';

const ERRORS = Number(process.env.BENCH_ERRORS ?? 1_000_000);
const SESSIONS = Math.max(1, Math.round(ERRORS / 1000));
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
// Both servers get the same un-measured warm-up per operation (JIT, SQLite page cache, sockets).
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const BASELINE = process.env.BENCH_BASELINE;
const TOKEN = 'bench-token';
const dir = mkdtempSync(join(tmpdir(), 'sandbox-bench-'));
const db = join(dir, 'bench.db');

console.log(`▸ seeding ${ERRORS.toLocaleString('en-US')} errors over ${SESSIONS} sessions into ${db}`);
const seedStarted = performance.now();
const prepared = await prepareStore({ db, seed: 42, sessions: SESSIONS, errors: ERRORS });
const seedSeconds = (performance.now() - seedStarted) / 1000;
const counts = await prepared.store.counts();
await prepared.store.close();

/** Starts the ceiling server (bench/ceiling-server.mjs) on a free port, serving `responses` (path → body). */
async function startCeiling(responses: Record<string, string>): Promise<RunningChild & { url: string }> {
  const file = join(dir, 'ceiling.json');
  writeFileSync(file, JSON.stringify(responses));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const script = fileURLToPath(new URL('../bench/ceiling-server.mjs', import.meta.url));
  const child = await startChildServer({
    name: 'the ceiling server',
    args: [script, file, String(port)],
    url,
    readyLine: /listening/,
    readyTimeoutMs: 10_000,
  });
  return { ...child, url };
}

/** Starts another build's CLI (BENCH_BASELINE) on the same store, as startSandbox starts this one. */
async function startBaseline(cli: string): Promise<RunningChild & { url: string }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = await startChildServer({
    name: 'the baseline sandbox',
    args: [cli, 'serve', '--port', String(port), '--db', db, '--tokens', TOKEN],
    url,
    readyLine: /Sandbox ready/,
    readyTimeoutMs: 120_000,
  });
  return { ...child, url };
}

const sandbox = await startSandbox({ db, tokens: [TOKEN] });
const baseline = BASELINE ? await startBaseline(BASELINE) : undefined;
const mock = await startMock({ logLevel: 'warn' });
let ceiling: (RunningChild & { url: string }) | undefined;
try {
  const f = (await (await fetch(`${sandbox.url}/_sandbox/fixtures`, { headers: { Authorization: `Bearer ${TOKEN}` } })).json()) as Record<
    string,
    string
  >;
  const ops: Array<[string, string, string]> = [
    ['list all errors (limit 20)', '/session-errors?limit=20', '/session-errors?limit=20'],
    [
      'list all errors, filtered by type, desc',
      '/session-errors?limit=20&type=message_processing_timeout&order=desc',
      '/session-errors?limit=20&type=message_processing_timeout&order=desc',
    ],
    ["list a session's errors (limit 20)", `/sessions/${f.session_id}/errors?limit=20`, '/sessions/ses_4dEfGhJkLmNpQrSt/errors?limit=20'],
    [
      'get one error',
      `/sessions/${f.session_id}/errors/${f.session_error_id}`,
      '/sessions/ses_4dEfGhJkLmNpQrSt/errors/ser_6fGhJkLmNpQrStUv',
    ],
    ['get one error group', `/session-error-groups/${f.session_error_group_id}`, '/session-error-groups/seg_7gHjKlMnPqRsTuVw'],
  ];
  const run = async (url: string) => {
    const options = { url, connections: CONNECTIONS, headers: { Authorization: `Bearer ${TOKEN}` } };
    if (WARMUP > 0) await autocannon({ ...options, duration: WARMUP });
    const r = await autocannon({ ...options, duration: DURATION });
    if (r.non2xx || r.errors) throw new Error(`${url}: ${r.non2xx} non-2xx responses, ${r.errors} errors`);
    return { rps: Math.round(r.requests.average), p99: r.latency.p99, p50: r.latency.p50 };
  };
  // The ceiling answers each sandbox path with the sandbox's own bytes for it.
  const captured: Record<string, string> = {};
  for (const [, sandboxPath] of ops) {
    const response = await fetch(sandbox.url + sandboxPath, { headers: { Authorization: `Bearer ${TOKEN}` } });
    if (!response.ok) throw new Error(`${sandboxPath}: ${response.status}`);
    captured[sandboxPath] = await response.text();
  }
  ceiling = await startCeiling(captured);
  const rows: string[] = [];
  const loadBefore = loadavg()[0]!;
  const n = (x: number) => x.toLocaleString('en-US');
  for (const [name, sandboxPath, prismPath] of ops) {
    console.log(`▸ ${name}: sandbox…`);
    const s = await run(sandbox.url + sandboxPath);
    // The baseline runs right after the sandbox, so the two see the most similar machine load.
    let baselineCells = '';
    if (baseline) {
      console.log(`▸ ${name}: baseline sandbox (${BASELINE})…`);
      const b = await run(baseline.url + sandboxPath);
      baselineCells = ` ${n(b.rps)} | ${b.p50} / ${b.p99} | ${(s.rps / b.rps).toFixed(2)}× |`;
    }
    console.log(`▸ ${name}: the mock…`);
    const p = await run(mock.url + prismPath);
    console.log(`▸ ${name}: ceiling (bare node:http, same bytes)…`);
    const c = await run(ceiling.url + sandboxPath);
    rows.push(
      `| ${name} | ${n(s.rps)} | ${s.p50} / ${s.p99} | ${n(p.rps)} | ${p.p50} / ${p.p99} | **${(s.rps / p.rps).toFixed(1)}×** | ${n(c.rps)} | ${(c.rps / p.rps).toFixed(1)}× | ${Math.round((100 * s.rps) / c.rps)} % |${baselineCells}`,
    );
  }
  const baselineHeader = baseline ? ' baseline req/s | baseline p50 / p99 ms | sandbox ÷ baseline |' : '';
  const table = [
    `Seeded ${counts.session_errors.toLocaleString('en-US')} errors (${counts.session_error_groups.toLocaleString('en-US')} groups, ${counts.session_events.toLocaleString('en-US')} events, ${counts.sessions.toLocaleString('en-US')} sessions) in ${seedSeconds.toFixed(1)} s, including index builds.`,
    `autocannon: ${CONNECTIONS} connections, no pipelining, ${WARMUP} s warm-up + ${DURATION} s per run for every server, one run at a time; Node ${process.version}, ${cpus().length} cores; 1-min load average ${loadBefore.toFixed(2)} before the runs, ${loadavg()[0]!.toFixed(2)} after.`,
    '',
    `| operation | sandbox req/s | sandbox p50 / p99 ms | mock req/s | mock p50 / p99 ms | sandbox ÷ mock | ceiling req/s | ceiling ÷ mock | sandbox ÷ ceiling |${baselineHeader}`,
    `| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |${baseline ? ' ---: | ---: | ---: |' : ''}`,
    ...rows,
  ].join('\n');
  console.log(`\n${table}\n`);
  writeFileSync(new URL('bench-results.md', import.meta.url), `${table}\n`);
} finally {
  await Promise.allSettled([sandbox.stop(), mock.stop(), ceiling?.stop(), baseline?.stop()]);
  rmSync(dir, { recursive: true, force: true });
}
