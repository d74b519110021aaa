// Several processes on one database, started at the same moment: two sandbox processes on one new
// SQLite file, and two replicas on one new PostgreSQL database. Each migrates and one seeds (the other
// waits), both serve the same data, nothing is duplicated; once fixed: `UNIQUE constraint failed:
// session_errors.id`. And a database URL that cannot be reached is one line naming host and port.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@session-obs/devkit';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { cliPath, startSandbox } from '../src/start-sandbox.js';
import { POSTGRES_MIGRATIONS } from '../src/store/postgres/schema.js';
import { SQLITE_MIGRATIONS } from '../src/store/schema.js';
import { TOKEN } from './helpers.js';
import { ENGINES } from './support/engines.js';
import { createTestDatabase } from './support/postgres.js';

const dir = mkdtempSync(join(tmpdir(), 'sandbox-replicas-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(ENGINES)('two processes starting at once on one new $name store', (engine) => {
  it('both serve; one seeds, nothing is seeded twice, every migration applied once', async () => {
    const location = engine.name === 'sqlite' ? join(dir, 'race.db') : await engine.newLocation();
    const logs: string[][] = [[], []];
    const args = engine.name === 'sqlite' ? [] : ['--database', location];
    const start = (i: number) =>
      startSandbox({
        db: engine.name === 'sqlite' ? location : ':memory:',
        tokens: [TOKEN],
        sessions: 20,
        errors: 3000,
        args,
        onLog: (l) => logs[i]!.push(l),
      });
    const replicas = await Promise.all([start(0), start(1)]);
    try {
      const seeded = logs.filter((lines) => lines.some((line) => line.includes('✔ seeded')));
      expect(seeded).toHaveLength(1);
      const answers = await Promise.all(
        replicas.map(async (r) =>
          (await fetch(`${r.url}/session-errors?limit=50`, { headers: { Authorization: `Bearer ${TOKEN}` } })).text(),
        ),
      );
      expect(answers[1]).toBe(answers[0]);
      const counts = await engine.query(location, 'SELECT count(*) AS n, count(DISTINCT id) AS d FROM session_errors');
      expect(Number(counts[0]!.n)).toBe(3000);
      expect(Number(counts[0]!.d)).toBe(3000);
      const migrations = await engine.query(location, 'SELECT version FROM schema_migrations');
      const steps = engine.name === 'sqlite' ? SQLITE_MIGRATIONS : POSTGRES_MIGRATIONS;
      expect(migrations.map((row) => Number(row.version)).sort((a, b) => a - b)).toEqual(steps.map((step) => step.version));
    } finally {
      await Promise.all(replicas.map((r) => r.stop()));
    }
  });
});

/** Runs the CLI to its end. */
function run(args: string[]) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [cliPath, ...args], { timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

describe('the database URL', () => {
  it('that cannot be reached is one line naming host and port, never the password', async () => {
    const port = await freePort();
    const result = await run(['seed', '--database', `postgres://sandbox:s3cret@127.0.0.1:${port}/sandbox`]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `✖ cannot open the database postgres at 127.0.0.1:${port}/sandbox: connection refused (is PostgreSQL running there?)\n`,
    );
  });

  it('naming a socket directory where no server listens is one line naming the socket file', async () => {
    const result = await run(['seed', '--database', 'postgresql:///sandbox?host=/nonexistent/run&port=5499']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      '✖ cannot open the database postgres at socket /nonexistent/run/.s.PGSQL.5499, database sandbox: no socket there (is PostgreSQL running, with that socket directory?)\n',
    );
  });

  it('naming a certificate file that is not there says which file (not a socket)', async () => {
    const port = await freePort();
    const result = await run([
      'seed',
      '--database',
      `postgres://sandbox@127.0.0.1:${port}/sandbox?sslmode=require&sslrootcert=/nonexistent/root.crt`,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^✖ cannot open the database postgres at 127\.0\.0\.1:\d+\/sandbox: ENOENT: no such file or directory, open '\/nonexistent\/root\.crt'\n$/,
    );
  });

  it.skipIf(!inject('postgresSocketDir'))("naming the server's socket directory works: seeded over the Unix socket", async () => {
    const tcp = new URL(await createTestDatabase(inject('postgresUrl'), 'socket'));
    const socketUrl = `postgresql://${tcp.pathname}?host=${encodeURIComponent(inject('postgresSocketDir'))}&port=${tcp.port}&user=${tcp.username}`;
    const result = await run(['seed', '--database', socketUrl, '--sessions', '2', '--errors', '10']);
    expect(result.code, result.stderr).toBe(0);
    const client = new pg.Client({ connectionString: tcp.toString() });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM session_errors');
      expect(rows[0]!.n).toBe(10);
    } finally {
      await client.end();
    }
  });

  it('that names no database server is a usage error', async () => {
    const result = await run(['seed', '--database', 'mysql://somewhere/db']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('✖ --database must be a PostgreSQL URL (postgres://user:password@host:port/database).\n');
  });

  // The test server's URL with one thing changed: each refusal names host, port and database, and says why.
  it.each<[string, (url: URL) => void, string]>([
    ['of a server without that database says so', (url) => (url.pathname = '/no_such_database'), 'the database does not exist'],
    [
      "asking for SSL of a server without it is one line (no driver warning), in the driver's words",
      (url) => url.searchParams.set('sslmode', 'require'),
      'The server does not support SSL connections',
    ],
    [
      'with a user the server does not know names that user',
      (url) => (url.username = 'nobody_here'),
      'the server refused the user (role "nobody_here" does not exist)',
    ],
  ])('%s', async (_name, change, reason) => {
    const url = new URL(inject('postgresUrl'));
    change(url);
    const result = await run(['seed', '--database', url.toString()]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`✖ cannot open the database postgres at ${url.hostname}:${url.port}${url.pathname}: ${reason}\n`);
  });
});
