// The throwaway PostgreSQL server: a real server that accepts connections on its port while it runs,
// gives a fresh database per caller, and is gone (port closed) once stopped.
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { createTestDatabase, startTestPostgres } from '../src/postgres.js';

/** Whether something accepts a TCP connection on 127.0.0.1:port. */
const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => resolve(socket.destroy() && true));
    socket.once('error', () => resolve(false));
  });

describe.skipIf(Boolean(process.env.SANDBOX_TEST_DATABASE_URL))('startTestPostgres', () => {
  it('runs a server on a free loopback port, creates a database on it, and stops it', async () => {
    const server = await startTestPostgres();
    const url = new URL(server.url);
    expect(url.hostname).toBe('127.0.0.1');
    expect(await accepts(Number(url.port))).toBe(true);
    // A fresh database of its own, reachable at the URL given back.
    const database = await createTestDatabase(server.url, 'devkit');
    const client = new pg.Client({ connectionString: database });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT current_database() AS name');
      expect(rows[0].name).toBe(new URL(database).pathname.slice(1));
      expect(rows[0].name).toMatch(/^devkit_/);
    } finally {
      await client.end();
    }
    server.stop();
    expect(await accepts(Number(url.port))).toBe(false);
  }, 60_000);
});
