// A database that stalls (a network partition, a frozen server: connections stay open, nothing answers) is
// not one that refuses: the probes must still answer within their deadline, so that a load balancer's
// 1–2 s probe timeout sees a live replica that is not ready, rather than a dead one. The stall is a TCP
// proxy between the real CLI and a real PostgreSQL that stops forwarding on demand.
import { createServer, Socket, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../src/start-sandbox.js';
import { createTestDatabase } from './support/postgres.js';

/** Forwards TCP to `target` until `freeze()`: from then on bytes are held, in both directions, until `thaw()`. */
async function freezableProxy(target: URL): Promise<{ port: number; freeze(): void; thaw(): void; close(): void }> {
  let frozen = false;
  const held: (() => void)[] = [];
  const sockets = new Set<Socket>();
  const pipe = (from: Socket, to: Socket) =>
    from.on('data', (chunk) => {
      if (frozen) held.push(() => to.write(chunk));
      else to.write(chunk);
    });
  const server: Server = createServer((client) => {
    const upstream = new Socket();
    upstream.connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => {});
      socket.on('close', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    pipe(client, upstream);
    pipe(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    freeze: () => (frozen = true),
    thaw: () => {
      frozen = false;
      for (const write of held.splice(0)) write();
    },
    close: () => {
      for (const socket of sockets) socket.destroy();
      server.close();
    },
  };
}

/** A GET and how long it took. */
async function timed(url: string): Promise<{ status: number; body: any; ms: number }> {
  const started = performance.now();
  const response = await fetch(url, { signal: AbortSignal.timeout(15_000) });
  return { status: response.status, body: await response.json(), ms: performance.now() - started };
}

describe('a database that stalls', () => {
  let proxy: Awaited<ReturnType<typeof freezableProxy>>;
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    const database = new URL(await createTestDatabase(inject('postgresUrl'), 'stall'));
    proxy = await freezableProxy(database);
    const viaProxy = new URL(database);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    sandbox = await startSandbox({ args: ['--hosted', '--database', viaProxy.href] });
  });
  afterAll(() => {
    sandbox?.stop();
    proxy?.close();
  });

  it('keeps liveness at 200 and readiness at 503 within their 1 s deadline (not the pool’s 10 s), and is ready again once it answers', async () => {
    expect(await timed(`${sandbox.url}/_sandbox/ready`)).toMatchObject({ status: 200 });
    proxy.freeze();
    try {
      const health = await timed(`${sandbox.url}/_sandbox/health`);
      expect(health.status).toBe(200);
      expect(health.body).toMatchObject({ status: 'ok', counts_unavailable: 'The database does not answer: ETIMEDOUT.' });
      expect(health.ms).toBeLessThan(5_000);
      const ready = await timed(`${sandbox.url}/_sandbox/ready`);
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ status: 503, message: expect.stringContaining('ETIMEDOUT') });
      expect(ready.ms).toBeLessThan(5_000);
    } finally {
      proxy.thaw();
    }
    await expect.poll(async () => (await timed(`${sandbox.url}/_sandbox/ready`)).status, { timeout: 15_000 }).toBe(200);
  });
});
