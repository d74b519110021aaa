// `pnpm bench` (second part): the storage engines side by side in one run, on the same seeded data —
// SQLite in a single process, PostgreSQL behind one replica, PostgreSQL behind two replicas (two
// autocannon instances, half the connections each, at the same time) — throughput and p50/p99 of a
// list and a get. PostgreSQL is a throwaway server started here (test/support/postgres.ts), or
// SANDBOX_TEST_DATABASE_URL's. BENCH_REPLICA_ERRORS (default 100,000), BENCH_REPLICA_CONNECTIONS
// (default 50), BENCH_DURATION and BENCH_WARMUP override. Targets: PostgreSQL list p99 ≤ 25 ms at
// 50 connections; two PostgreSQL replicas ≥ 0.5× the SQLite process's list throughput.
// Beside each run's throughput and latency: the CPU time each request cost the sandbox process(es) and
// PostgreSQL's processes (from /proc, summed over the run). Those vary less than req/s when the host's
// neighbours slow this virtual machine down, and show where the two cores went.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { prepareStore, startSandbox, type RunningSandbox } from '../src/index.js';
import { createTestDatabase, startTestPostgres } from '../test/support/postgres.js';

const ERRORS = Number(process.env.BENCH_REPLICA_ERRORS ?? 100_000);
const SESSIONS = Math.max(1, Math.round(ERRORS / 1000));
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const CONNECTIONS = Number(process.env.BENCH_REPLICA_CONNECTIONS ?? 50);
const TOKEN = 'bench-token';

interface Result {
  rps: number;
  p50: number;
  p99: number;
  /** CPU µs per request: the sandbox process(es), PostgreSQL's processes (undefined when not on this machine). */
  serverCpu: number;
  databaseCpu: number | undefined;
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
  const database = postgresPids(postgresDataDir);
  const servers = () => targets.reduce((sum, t) => sum + cpuMicros(t.process.pid!), 0);
  const databaseNow = () => database.reduce((sum, pid) => sum + cpuMicros(pid), 0);
  const before = { server: servers(), database: databaseNow() };
  const results = await Promise.all(targets.map((t) => run(t.url + path, DURATION)));
  for (const r of results) if (r.non2xx || r.errors) throw new Error(`${r.url}: ${r.non2xx} non-2xx responses, ${r.errors} errors`);
  const requests = results.reduce((sum, r) => sum + r.requests.total, 0);
  return {
    rps: Math.round(results.reduce((sum, r) => sum + r.requests.average, 0)),
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    serverCpu: Math.round((servers() - before.server) / requests),
    databaseCpu: database.length ? Math.round((databaseNow() - before.database) / requests) : undefined,
  };
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
  for (const [name, path] of ops) {
    console.log(`▸ ${name}: SQLite, one process…`);
    const s = await measure([sqlite], path);
    console.log(`▸ ${name}: PostgreSQL, one replica…`);
    const one = await measure([replicas[0]!], path, server.dataDir);
    console.log(`▸ ${name}: PostgreSQL, two replicas…`);
    const two = await measure(replicas, path, server.dataDir);
    rows.push(`| ${name} | ${cell(s)} | ${cell(one)} | ${cell(two)} | **${(two.rps / s.rps).toFixed(2)}×** |`);
  }
  const table = [
    `${n(ERRORS)} errors over ${n(SESSIONS)} sessions, seeded in ${seedSeconds.sqlite.toFixed(1)} s (SQLite) and ${seedSeconds.postgres.toFixed(1)} s (PostgreSQL ${'15'}).`,
    `autocannon in this process: ${CONNECTIONS} connections in total (split across the replicas), no pipelining, ${WARMUP} s warm-up + ${DURATION} s; Node ${process.version}, ${cpus().length} cores shared by autocannon, the servers and PostgreSQL; CPU µs/req is the CPU time of the sandbox process(es) and of PostgreSQL's processes divided by the requests answered (SQLite works inside the sandbox process); 1-min load average ${loadBefore.toFixed(2)} before, ${loadavg()[0]!.toFixed(2)} after.`,
    '',
    '| operation | SQLite req/s | p50 / p99 ms | CPU µs/req sandbox / db | PostgreSQL 1 replica req/s | p50 / p99 ms | CPU µs/req sandbox / db | PostgreSQL 2 replicas req/s | p50 / p99 ms | CPU µs/req sandboxes / db | 2 replicas ÷ SQLite |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
  console.log(`\n${table}\n`);
  writeFileSync(new URL('replicas-results.md', import.meta.url), `${table}\n`);
} finally {
  await Promise.allSettled(started.map((sandbox) => sandbox.stop()));
  server.stop();
  rmSync(dir, { recursive: true, force: true });
}
