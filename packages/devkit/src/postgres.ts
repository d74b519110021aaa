// A throwaway PostgreSQL server for tests: a real server (Debian's postgresql binaries), initialised in
// a temporary folder, listening on 127.0.0.1 at a free port, stopped with `pg_ctl -m immediate` when
// the tests end (and by an exit hook if they are interrupted). As root (CI), the server runs as the
// `postgres` user, which owns the folder: PostgreSQL refuses to run as root. SANDBOX_TEST_DATABASE_URL
// points the tests at an existing server instead; `createTestDatabase` gives each test file its own database.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@session-obs/spec/server';

/** A running test server: its URL (database `postgres`, user `postgres`, no password) and how to stop it. */
export interface TestPostgres {
  url: string;
  /** The server's data folder (its processes' command line names it); absent for SANDBOX_TEST_DATABASE_URL's server. */
  dataDir?: string;
  stop(): void;
}

/** The folder of `initdb` and `pg_ctl`: PG_BIN, else the newest /usr/lib/postgresql/<version>/bin. */
export function findPostgresBin(): string {
  if (process.env.PG_BIN && existsSync(join(process.env.PG_BIN, 'pg_ctl'))) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) {
    throw new Error(
      "PostgreSQL server binaries (initdb, pg_ctl) not found: install Debian's postgresql (apt-get install -y postgresql), set PG_BIN to their folder, or set SANDBOX_TEST_DATABASE_URL to a server.",
    );
  }
  return join(root, newest, 'bin');
}

/** `runuser` (util-linux), which lives in an sbin folder a non-login PATH may lack. */
const RUNUSER = ['/usr/sbin/runuser', '/sbin/runuser'].find((path) => existsSync(path)) ?? 'runuser';

/** Runs a server binary, as the `postgres` user when this process is root. */
function runServerTool(bin: string, tool: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const [command, argv] = asRoot ? [RUNUSER, ['-u', 'postgres', '--', join(bin, tool), ...args]] : [join(bin, tool), args];
  execFileSync(command, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Starts a throwaway server (or returns SANDBOX_TEST_DATABASE_URL's, which it never stops). */
export async function startTestPostgres(): Promise<TestPostgres> {
  const given = process.env.SANDBOX_TEST_DATABASE_URL;
  if (given) return { url: given, stop: () => {} };
  const bin = findPostgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-pg-'));
  const data = join(dir, 'data');
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const port = await freePort('127.0.0.1');
  runServerTool(bin, 'initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=300`;
  runServerTool(bin, 'pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', 'start']);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      runServerTool(bin, 'pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
    } catch {
      // Already gone.
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stop);
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, dataDir: data, stop };
}

/** Creates a fresh database on the server of `url` and returns its URL (each test file gets its own). */
export async function createTestDatabase(url: string, prefix: string): Promise<string> {
  const name = `${prefix}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e9).toString(36)}`.toLowerCase();
  // Loaded here only: most users of this kit never need a PostgreSQL client.
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}
