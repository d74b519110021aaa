// The throwaway PostgreSQL server: a real server that accepts connections on its port while it runs,
// and is gone (port closed, folder removed) once stopped.
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startTestPostgres } from '../src/postgres.js';

/** Whether something accepts a TCP connection on 127.0.0.1:port. */
const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => resolve(socket.destroy() && true));
    socket.once('error', () => resolve(false));
  });

describe.skipIf(Boolean(process.env.SANDBOX_TEST_DATABASE_URL))('startTestPostgres', () => {
  it('runs a server on a free loopback port and stops it', async () => {
    const server = await startTestPostgres();
    const url = new URL(server.url);
    expect(url.hostname).toBe('127.0.0.1');
    expect(await accepts(Number(url.port))).toBe(true);
    server.stop();
    expect(await accepts(Number(url.port))).toBe(false);
  }, 60_000);
});
