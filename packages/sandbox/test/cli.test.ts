// The `session-obs-sandbox` command as users run it (the package's bin, in a child process): configured
// by environment variables it seeds and serves; bad input at start is one exact line on stderr and a
// non-zero exit (2 for bad usage, 1 for what the machine refuses), never a stack trace.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, startChildServer } from '@session-obs/devkit';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { TOKEN } from './helpers.js';

const bin = fileURLToPath(new URL('../bin/session-obs-sandbox.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sandbox-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The environment without any SANDBOX_* variable of the test run's own, plus `extra`. */
function environment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('SANDBOX_')));
  return { ...env, ...extra };
}

/** Runs the bin to its end; `nodeArgs` go to node before the script. */
function run(args: string[], env: Record<string, string> = {}, nodeArgs: string[] = []) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [...nodeArgs, bin, ...args], { env: environment(env), timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

describe('npx @session-obs/sandbox', () => {
  it('seeds and serves with the environment variables alone, then keeps its data in SANDBOX_DB', async () => {
    const port = await freePort();
    const db = join(dir, 'served', 'sandbox.db');
    const env = environment({
      SANDBOX_PORT: String(port),
      SANDBOX_DB: db,
      SANDBOX_SESSIONS: '2',
      SANDBOX_ERRORS: '40',
      SANDBOX_TOKENS: TOKEN,
    });
    const server = await startChildServer({
      name: 'the sandbox bin',
      args: [bin],
      url: `http://127.0.0.1:${port}`,
      readyLine: /Sandbox ready/,
      env,
      readyTimeoutMs: 60_000,
    });
    try {
      const response = await fetch(`http://127.0.0.1:${port}/session-errors?limit=100`, { headers: { Authorization: `Bearer ${TOKEN}` } });
      expect(response.status).toBe(200);
      expect(((await response.json()) as { items: unknown[] }).items).toHaveLength(40);
      expect(existsSync(db)).toBe(true);
    } finally {
      await server.stop();
    }
  });
});

describe('seed', () => {
  it('seeds a new store, then keeps a seeded one and says how to start over', async () => {
    const db = join(dir, 'seeded-twice.db');
    const env = { SANDBOX_SESSIONS: '2', SANDBOX_ERRORS: '30' };
    const first = await run(['seed', '--db', db], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/✔ seeded in [\d.]+ s: 2 sessions, 30 errors/);
    const second = await run(['seed', '--db', db], env);
    expect(second.code).toBe(0);
    expect(second.stdout).not.toMatch(/seeded in/);
    expect(second.stdout).toContain("✔ the store already holds the local tenant's data: kept as it is (add --fresh to seed it again)");
    const fresh = await run(['seed', '--db', db, '--fresh'], env);
    expect(fresh.stdout).toMatch(/✔ seeded in [\d.]+ s: 2 sessions, 30 errors/);
  });
});

describe('bad input at start: one line, a non-zero exit', () => {
  const notADatabase = join(dir, 'notes.db');
  writeFileSync(notADatabase, 'These are notes, not a database. '.repeat(40));
  const aDirectory = join(dir, 'a-directory');
  mkdirSync(aDirectory);
  writeFileSync(join(aDirectory, 'kept.txt'), 'kept');
  const otherDatabase = join(dir, 'other.db');
  const other = new BetterSqlite3(otherDatabase);
  other.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ada')");
  other.close();
  // A SQLite file whose header survived but whose first page did not: it may be anyone's.
  const corruptDatabase = join(dir, 'corrupt.db');
  writeFileSync(
    corruptDatabase,
    Buffer.concat([readFileSync(otherDatabase).subarray(0, 100), Buffer.alloc(3996, 0x5a), readFileSync(otherDatabase).subarray(4096)]),
  );

  it.each<[string, string[], Record<string, string>, number, string]>([
    ['a port that is not a number', ['--port', 'abc'], {}, 2, '✖ --port must be an integer from 0 to 65535, got "abc".'],
    [
      'a port out of range, from the environment',
      [],
      { SANDBOX_PORT: '70000' },
      2,
      '✖ SANDBOX_PORT must be an integer from 0 to 65535, got "70000".',
    ],
    ['no sessions', ['seed'], { SANDBOX_SESSIONS: '0' }, 2, '✖ SANDBOX_SESSIONS must be an integer from 1 to 1000000, got "0".'],
    ['a fraction', ['seed', '--errors', '1.5'], {}, 2, '✖ --errors must be an integer from 0 to 100000000, got "1.5".'],
    [
      'a bad rate limit',
      ['--rate-limit', 'fast'],
      {},
      2,
      '✖ --rate-limit: rate limit must look like <capacity>[:<per-second>] (e.g. 20:10), got "fast".',
    ],
    ['an unknown option', ['--bogus'], {}, 2, "✖ Unknown option '--bogus' (see --help)."],
    ['an option without its value', ['--port'], {}, 2, "✖ Option '--port <value>' argument missing (see --help)."],
    [
      'an option followed by another option',
      ['--cors-origins', '--hosted'],
      {},
      2,
      "✖ Option '--cors-origins' needs a value (see --help).",
    ],
    ['an unknown command', ['frob'], {}, 2, '✖ unknown command "frob": use serve, seed or import (see --help).'],
    ['import without a file', ['import'], {}, 2, '✖ import needs a file: session-obs-sandbox import <file.ndjson>.'],
    [
      'a directory as the database',
      ['seed', '--db', aDirectory],
      {},
      1,
      `✖ cannot open the database ${aDirectory}: it is a directory (give a file path)`,
    ],
    [
      'a database under a file',
      ['seed'],
      { SANDBOX_DB: join(notADatabase, 'sandbox.db') },
      1,
      `✖ cannot open the database ${join(notADatabase, 'sandbox.db')}: a part of its path is a file, not a directory`,
    ],
    [
      'a file that is not a database',
      ['seed', '--db', notADatabase],
      {},
      1,
      `✖ cannot open the database ${notADatabase}: the file is not a SQLite database`,
    ],
  ])('%s', async (_name, args, env, code, line) => {
    const result = await run(args, env);
    expect(result.stderr).toBe(`${line}\n`);
    expect(result.code).toBe(code);
  });

  // --fresh deletes the file: only ever a sandbox database, never what a mistyped --db names.
  it.each<[string, string, string]>([
    ['a file that is not a database', notADatabase, 'the file is not a SQLite database'],
    ['a directory', aDirectory, 'it is a directory (give a file path)'],
    [
      "another program's SQLite database",
      otherDatabase,
      "it is a SQLite database, but not the sandbox's: --fresh deletes only a sandbox database",
    ],
    [
      'a corrupt SQLite file',
      corruptDatabase,
      'the file is corrupt, so --fresh cannot tell whether it is a sandbox database: delete it (and its -wal and -shm files) yourself to start afresh',
    ],
  ])('--fresh on %s: refused, nothing deleted', async (_name, db, reason) => {
    const before = readFileSync(db === aDirectory ? join(aDirectory, 'kept.txt') : db);
    const result = await run(['seed', '--db', db, '--fresh']);
    expect(result.stderr).toBe(`✖ cannot open the database ${db}: ${reason}\n`);
    expect(result.code).toBe(1);
    expect(readFileSync(db === aDirectory ? join(aDirectory, 'kept.txt') : db)).toEqual(before);
  });

  it.runIf(process.platform === 'linux')('a place where no file can be created (/proc)', async () => {
    const result = await run(['seed', '--db', '/proc/sandbox.db']);
    expect(result.stderr).toBe(
      '✖ cannot open the database /proc/sandbox.db: cannot create or open the file there (is its folder writable?)\n',
    );
    expect(result.code).toBe(1);
  });

  // Node 20's recursive mkdirSync spins forever on a missing folder under /proc: the sandbox must not.
  it.runIf(process.platform === 'linux')('a folder that cannot be created (/proc/…/)', async () => {
    const result = await run(['seed', '--db', '/proc/no-such-folder/sandbox.db']);
    expect(result.stderr).toBe('✖ cannot open the database /proc/no-such-folder/sandbox.db: its folder cannot be created there\n');
    expect(result.code).toBe(1);
  });

  it('a port in use, before any seeding', async () => {
    const port = await freePort();
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(port, '127.0.0.1', resolve));
    try {
      const result = await run([], { SANDBOX_PORT: String(port), SANDBOX_DB: join(dir, 'never.db') });
      expect(result.stderr).toBe(
        `✖ port ${port} on 127.0.0.1 is in use: stop what listens there or set SANDBOX_PORT (or --port) to another port.\n`,
      );
      expect(result.code).toBe(1);
      expect(result.stdout).not.toContain('seeding');
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });

  it('a Node older than the package’s engines, checked before anything else loads', async () => {
    const olderNode = 'data:text/javascript,Object.defineProperty(process.versions,"node",{value:"18.20.4"})';
    const result = await run(['--port', 'abc'], {}, ['--import', olderNode]);
    const { engines } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { engines: { node: string } };
    expect(result.stderr).toBe(`✖ @session-obs/sandbox needs Node ${engines.node}; this is Node 18.20.4.\n`);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
  });

  it('--help prints the usage and exits 0', async () => {
    const result = await run(['--help']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('SANDBOX_DB] default .sandbox/sandbox.db, relative to the working directory');
  });
});
