// `pnpm bench` (second part): the storage engines side by side in one run, on the same seeded data —
// SQLite in a single process, PostgreSQL behind one replica, PostgreSQL behind two replicas (two
// autocannon instances, half the connections each, at the same time) — throughput and p50/p99 of a
// list and a get. PostgreSQL is a throwaway server started here (test/support/postgres.ts), or
// SANDBOX_TEST_DATABASE_URL's. BENCH_REPLICA_ERRORS (default 100,000), BENCH_REPLICA_CONNECTIONS
// (default 50), BENCH_ROUNDS (default 3), BENCH_DURATION (default 6) and BENCH_WARMUP override.
// Targets: PostgreSQL list p99 ≤ 25 ms at 50 connections; two PostgreSQL replicas ≥ 0.5× the SQLite
// process's list throughput. Both PostgreSQL set-ups run twice: with the API's reads on two pipelined
// connections (the default) and through the pool (`--read-connections 0`), so the two are compared in
// the same run.
// This virtual machine's speed drifts with its host's load (the same run varies up to 2× from one
// minute to the next), so the five set-ups take turns: BENCH_ROUNDS rounds, the order rotated every
// round, and the table shows each figure's median over the rounds; the ratio is the median of each
// round's own ratio. Beside throughput and latency: the CPU time each request cost the sandbox
// process(es) and PostgreSQL's processes (from /proc) and this process (autocannon, the load
// generator), which shows where the two cores went.
// BENCH_BASELINE=<another build's dist/cli.js> adds that build as one more set-up, one replica on the
// same PostgreSQL database, taking its turn in every round (a before/after comparison under the same load).
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { freePort, startChildServer } from '@session-obs/devkit';
import { prepareStore, startSandbox, type RunningSandbox } from '../src/index.js';
import { createTestDatabase, startTestPostgres } from '../test/support/postgres.js';

const ERRORS = Number(process.env.BENCH_REPLICA_ERRORS ?? 100_000);
const SESSIONS = Math.max(1, Math.round(ERRORS / 1000));
const DURATION = Number(process.env.BENCH_DURATION ?? 6);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const CONNECTIONS = Number(process.env.BENCH_REPLICA_CONNECTIONS ?? 50);
const TOKEN = 'bench-token';
const BASELINE = process.env.BENCH_BASELINE;

interface Result {
  rps: number;
  p50: number;
  p99: number;
  /** CPU µs per request: the sandbox process(es), PostgreSQL's processes (undefined when not on this machine). */
  serverCpu: number;
  databaseCpu: number | undefined;
  /** CPU µs per request of this process: autocannon (the load generator) and the harness. */
  loadCpu: number;
}

/** CPU time (user + system) of a process so far, in µs; 0 once it is gone. */
function cpuMicros(pid: number): number {
  try {
    // Fields 14 and 15 of /proc/<pid>/stat (after the command name in parentheses), in clock ticks (100 Hz).
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10_000;
  } catch {
    return 0;
  }
}

/** Every process of the throwaway PostgreSQL server (found by its data folder), or none when it is not ours. */
function postgresPids(dataDir: string | undefined): number[] {
  if (!dataDir) return [];
  const pids = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number);
  const postmaster = pids.find((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(dataDir);
    } catch {
      return false;
    }
  });
  if (postmaster === undefined) return [];
  return pids.filter((pid) => {
    try {
      return pid === postmaster || readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1] === String(postmaster);
    } catch {
      return false;
    }
  });
}

/** autocannon against every URL at once (connections split evenly): summed throughput, the worst p50/p99. */
async function measure(targets: RunningSandbox[], path: string, postgresDataDir?: string): Promise<Result> {
  const connections = Math.max(1, Math.floor(CONNECTIONS / targets.length));
  const run = (url: string, duration: number) => autocannon({ url, connections, duration, headers: { Authorization: `Bearer ${TOKEN}` } });
  if (WARMUP > 0) await Promise.all(targets.map((t) => run(t.url + path, WARMUP)));
  const servers = () => targets.reduce((sum, t) => sum + cpuMicros(t.process.pid!), 0);
  // Per backend, listed again at the end: a backend opened during the run counts whole, and an idle
  // pooled connection of another set-up that closed during the run does not take its past CPU time
  // off the sum. (A backend that both opened and closed within the run is missed.)
  const databaseAt = () => new Map(postgresPids(postgresDataDir).map((pid) => [pid, cpuMicros(pid)]));
  const databaseSince = (then: Map<number, number>) =>
    [...databaseAt()].reduce((sum, [pid, now]) => sum + (now > 0 ? now - (then.get(pid) ?? 0) : 0), 0);
  const before = { server: servers(), database: databaseAt(), load: process.cpuUsage() };
  const results = await Promise.all(targets.map((t) => run(t.url + path, DURATION)));
  for (const r of results) if (r.non2xx || r.errors) throw new Error(`${r.url}: ${r.non2xx} non-2xx responses, ${r.errors} errors`);
  const requests = results.reduce((sum, r) => sum + r.requests.total, 0);
  const load = process.cpuUsage(before.load);
  return {
    rps: Math.round(results.reduce((sum, r) => sum + r.requests.average, 0)),
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    serverCpu: Math.round((servers() - before.server) / requests),
    databaseCpu: before.database.size ? Math.round(databaseSince(before.database) / requests) : undefined,
    loadCpu: Math.round((load.user + load.system) / requests),
  };
}

/** The median of some numbers (the lower middle one for an even count). */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/** Each field's median over the rounds. */
function medianResult(results: Result[]): Result {
  const of = (pick: (r: Result) => number | undefined) => {
    const values = results.map(pick).filter((v): v is number => v !== undefined);
    return values.length ? median(values) : undefined;
  };
  return {
    rps: of((r) => r.rps)!,
    p50: of((r) => r.p50)!,
    p99: of((r) => r.p99)!,
    serverCpu: of((r) => r.serverCpu)!,
    databaseCpu: of((r) => r.databaseCpu),
    loadCpu: of((r) => r.loadCpu)!,
  };
}

/** Starts another build's CLI (BENCH_BASELINE) on the PostgreSQL database, as startSandbox starts this one. */
async function startBaseline(cli: string, database: string): Promise<RunningSandbox> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = await startChildServer({
    name: 'the baseline sandbox',
    args: [cli, 'serve', '--port', String(port), '--db', ':memory:', '--tokens', TOKEN, '--database', database],
    url,
    readyLine: /Sandbox ready/,
    readyTimeoutMs: 120_000,
  });
  return { url, port, process: child.process, stop: child.stop };
}

async function seed(db: string, label: string): Promise<number> {
  const started = performance.now();
  const { store } = await prepareStore({ db, seed: 42, sessions: SESSIONS, errors: ERRORS, log: () => {} });
  await store.close();
  const seconds = (performance.now() - started) / 1000;
  console.log(`▸ seeded ${ERRORS.toLocaleString('en-US')} errors into ${label} in ${seconds.toFixed(1)} s`);
  return seconds;
}

const dir = mkdtempSync(join(tmpdir(), 'sandbox-bench-replicas-'));
const sqliteFile = join(dir, 'bench.db');
const server = await startTestPostgres();
const started: RunningSandbox[] = [];
try {
  const database = await createTestDatabase(server.url, 'bench');
  const seedSeconds = { sqlite: await seed(sqliteFile, 'SQLite'), postgres: await seed(database, 'PostgreSQL') };
  const sqlite = await startSandbox({ db: sqliteFile, tokens: [TOKEN] });
  started.push(sqlite);
  const replicas = await Promise.all([0, 1].map(() => startSandbox({ tokens: [TOKEN], args: ['--database', database] })));
  started.push(...replicas);
  // The same, with the API's reads through the pool instead of the pipelined connections (`--read-connections 0`).
  const pooled = await Promise.all(
    [0, 1].map(() => startSandbox({ tokens: [TOKEN], args: ['--database', database, '--read-connections', '0'] })),
  );
  started.push(...pooled);
  const f = (await (await fetch(`${sqlite.url}/_sandbox/fixtures`, { headers: { Authorization: `Bearer ${TOKEN}` } })).json()) as Record<
    string,
    string
  >;
  const ops: [string, string][] = [
    ['list all errors (limit 20)', '/session-errors?limit=20'],
    ['get one error', `/sessions/${f.session_id}/errors/${f.session_error_id}`],
  ];
  const n = (x: number) => x.toLocaleString('en-US');
  const cell = (r: Result) => `${n(r.rps)} | ${r.p50} / ${r.p99} | ${r.serverCpu} / ${r.databaseCpu ?? '–'}`;
  const rows: string[] = [];
  const loadBefore = loadavg()[0]!;
  const baseline = BASELINE ? await startBaseline(BASELINE, database) : undefined;
  if (baseline) started.push(baseline);
  const setups: [label: string, targets: RunningSandbox[], dataDir?: string][] = [
    ['SQLite, one process', [sqlite]],
    ['PostgreSQL, one replica', [replicas[0]!], server.dataDir],
    ['PostgreSQL, two replicas', replicas, server.dataDir],
    ['PostgreSQL, one replica, reads through the pool', [pooled[0]!], server.dataDir],
    ['PostgreSQL, two replicas, reads through the pool', pooled, server.dataDir],
    ...(baseline
      ? [[`PostgreSQL, one replica of the baseline (${BASELINE})`, [baseline], server.dataDir] as [string, RunningSandbox[], string]]
      : []),
  ];
  const p99s: string[] = [];
  const baselineRows: string[] = [];
  const pooledRows: string[] = [];
  for (const [name, path] of ops) {
    const results: Result[][] = setups.map(() => []);
    for (let round = 0; round < ROUNDS; round++) {
      for (let k = 0; k < setups.length; k++) {
        const i = (k + round) % setups.length;
        const [label, targets, dataDir] = setups[i]!;
        console.log(`▸ ${name}, round ${round + 1}/${ROUNDS}: ${label}…`);
        results[i]!.push(await measure(targets, path, dataDir));
      }
    }
    const [s, one, two, poolOne, poolTwo, base] = results.map(medianResult) as [Result, Result, Result, Result, Result, Result | undefined];
    const ratio = median(results[2]!.map((r, round) => r.rps / results[0]![round]!.rps));
    const poolRatio = median(results[4]!.map((r, round) => r.rps / results[0]![round]!.rps));
    const perRound = (i: number, pick: (r: Result, round: number) => string) => results[i]!.map(pick).join(', ');
    pooledRows.push(`| ${name} | ${cell(poolOne)} | ${cell(poolTwo)} | **${poolRatio.toFixed(2)}×** |`);
    rows.push(`| ${name} | ${cell(s)} | ${cell(one)} | ${cell(two)} | **${ratio.toFixed(2)}×** |`);
    if (base)
      baselineRows.push(
        `| ${name} | ${cell(base)} | ${cell(one)} | **${median(results[1]!.map((r, round) => r.rps / results[5]![round]!.rps)).toFixed(2)}×** |`,
      );
    const share = (r: Result, round: number) => (r.rps / results[0]![round]!.rps).toFixed(2);
    p99s.push(
      `${name}: PostgreSQL one replica p99 per round ${perRound(1, (r) => String(r.p99))} ms (reads through the pool: ${perRound(3, (r) => String(r.p99))} ms); ` +
        `2 replicas ÷ SQLite per round ${perRound(2, share)} (reads through the pool: ${perRound(4, share)}). ` +
        `CPU µs per request of autocannon (the load generator, this process; medians): SQLite ${s.loadCpu}, one replica ${one.loadCpu}, two replicas ${two.loadCpu}.`,
    );
  }
  const table = [
    `${n(ERRORS)} errors over ${n(SESSIONS)} sessions, seeded in ${seedSeconds.sqlite.toFixed(1)} s (SQLite) and ${seedSeconds.postgres.toFixed(1)} s (PostgreSQL ${'15'}).`,
    `autocannon in this process: ${CONNECTIONS} connections in total (split across the replicas), no pipelining, ${WARMUP} s warm-up + ${DURATION} s per run, ${ROUNDS} rounds (medians shown); Node ${process.version}, ${cpus().length} cores shared by autocannon, the servers and PostgreSQL; CPU µs/req is the CPU time of the sandbox process(es) and of PostgreSQL's processes divided by the requests answered (SQLite works inside the sandbox process); 1-min load average ${loadBefore.toFixed(2)} before, ${loadavg()[0]!.toFixed(2)} after.`,
    '',
    '| operation | SQLite req/s | p50 / p99 ms | CPU µs/req sandbox / db | PostgreSQL 1 replica req/s | p50 / p99 ms | CPU µs/req sandbox / db | PostgreSQL 2 replicas req/s | p50 / p99 ms | CPU µs/req sandboxes / db | 2 replicas ÷ SQLite |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    ...p99s,
    '',
    "The same PostgreSQL set-ups with the API's reads through the pool (`--read-connections 0`), in the same rounds:",
    '',
    '| operation | 1 replica req/s | p50 / p99 ms | CPU µs/req sandbox / db | 2 replicas req/s | p50 / p99 ms | CPU µs/req sandboxes / db | 2 replicas ÷ SQLite |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...pooledRows,
    ...(baselineRows.length
      ? [
          '',
          `Baseline: ${BASELINE}, one replica on the same database, against this build's one replica (same rounds):`,
          '',
          '| operation | baseline req/s | p50 / p99 ms | CPU µs/req sandbox / db | this build req/s | p50 / p99 ms | CPU µs/req sandbox / db | this build ÷ baseline |',
          '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
          ...baselineRows,
        ]
      : []),
  ].join('\n');
  console.log(`\n${table}\n`);
  writeFileSync(new URL('replicas-results.md', import.meta.url), `${table}\n`);
} finally {
  await Promise.allSettled(started.map((sandbox) => sandbox.stop()));
  server.stop();
  rmSync(dir, { recursive: true, force: true });
}
