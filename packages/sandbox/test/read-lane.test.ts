// The read lane (src/store/postgres/read-lane.ts) on a real PostgreSQL server: many queries in flight
// on a few pipelined connections, each answered with its own rows; a failing query fails alone; a
// connection the server kills is replaced; closing ends the connections; the queries asked for
// together leave in one write.
import { connect, createServer, Socket, type AddressInfo } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { clientConfig } from '../src/store/postgres/connect.js';
import { endsConnection, ReadLane } from '../src/store/postgres/read-lane.js';
import { createTestDatabase } from './support/postgres.js';

describe('ReadLane', () => {
  let url: string;
  let admin: pg.Client;
  const lanes: ReadLane[] = [];

  /** A lane whose connections carry `name`, so the server's activity view can count them. */
  function lane(name: string, size: number): ReadLane {
    const created = new ReadLane({ ...clientConfig(url), application_name: name }, size);
    lanes.push(created);
    return created;
  }

  const backends = async (name: string) =>
    (await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1 ORDER BY pid', [name])).rows.map(
      (r) => r.pid,
    );

  beforeAll(async () => {
    url = await createTestDatabase(inject('postgresUrl'), 'lane');
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
  });
  afterAll(async () => {
    await Promise.all(lanes.map((l) => l.close()));
    await admin?.end();
  });

  it('answers 300 concurrent queries each with its own rows, over its two connections only', async () => {
    const reads = lane('lane_many', 2);
    const answers = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        reads.query<{ n: number }>({ text: 'SELECT $1::int AS n, pg_backend_pid() AS pid', values: [i] }),
      ),
    );
    expect(answers.map((rows) => rows[0]!.n)).toEqual(Array.from({ length: 300 }, (_, i) => i));
    const used = new Set(answers.map((rows) => (rows[0] as unknown as { pid: number }).pid));
    expect(used.size).toBe(2);
    expect(await backends('lane_many')).toEqual([...used].sort((a, b) => a - b));
  });

  it('sends the queries asked for together in one write per connection, and later ones in their own', async () => {
    const reads = lane('lane_coalesced', 1);
    await reads.query({ text: 'SELECT 1', values: [] });
    // The lane's one connection's socket (private to the lane and to pg; read here to count its sends).
    const opened = (reads as unknown as { connections: Promise<{ connection: { stream: Socket } }>[] }).connections[0]!;
    const socket = (await opened).connection.stream;
    // The sends of that socket: the driver writes each query's messages corked, so without the lane's
    // own cork each query is one `_writev`.
    const writev = vi.spyOn(Socket.prototype, '_writev');
    const write = vi.spyOn(Socket.prototype, '_write');
    const sends = () => [...writev.mock.contexts, ...write.mock.contexts].filter((context) => context === socket).length;
    try {
      const together = Array.from({ length: 40 }, (_, i) => reads.query<{ n: number }>({ text: 'SELECT $1::int AS n', values: [i] }));
      expect((await Promise.all(together)).map((rows) => rows[0]!.n)).toEqual(Array.from({ length: 40 }, (_, i) => i));
      expect(sends()).toBe(1);
      const [later] = await reads.query<{ n: number }>({ text: 'SELECT 41 AS n', values: [] });
      expect(later!.n).toBe(41);
      expect(sends()).toBe(2);
    } finally {
      writev.mockRestore();
      write.mockRestore();
    }
  });

  it('prepares a named statement once per connection, even when its first uses are all in flight together', async () => {
    const reads = lane('lane_named', 1);
    const query = (i: number) => reads.query<{ n: number }>({ name: 'lane_twice', text: 'SELECT $1::int * 2 AS n', values: [i] });
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => query(i)));
    expect(answers.map((rows) => rows[0]!.n)).toEqual(Array.from({ length: 50 }, (_, i) => i * 2));
    const [prepared] = await reads.query<{ count: number }>({
      text: "SELECT count(*)::int AS count FROM pg_prepared_statements WHERE name = 'lane_twice'",
      values: [],
    });
    expect(prepared!.count).toBe(1);
  });

  it('fails a query alone: the queries pipelined before and after it are answered', async () => {
    const reads = lane('lane_error', 1);
    const results = await Promise.allSettled([
      reads.query({ text: 'SELECT 1 AS n', values: [] }),
      reads.query({ text: 'SELECT 1 / $1::int AS n', values: [0] }),
      reads.query({ text: 'SELECT 3 AS n', values: [] }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ code: '22012' });
    expect((results[2] as PromiseFulfilledResult<{ n: number }[]>).value).toEqual([{ n: 3 }]);
  });

  it('fails the queries in flight on a connection the server kills, and opens a new one for the next', async () => {
    const reads = lane('lane_killed', 1);
    const [first] = await backends('lane_killed').then(async (before) => {
      expect(before).toEqual([]);
      await reads.query({ text: 'SELECT 1', values: [] });
      return backends('lane_killed');
    });
    const inFlight = reads.query({ text: 'SELECT pg_sleep(30)', values: [] });
    const caught = inFlight.catch((error: unknown) => error);
    await expect
      .poll(async () => (await admin.query("SELECT 1 FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(30)'")).rowCount)
      .toBe(1);
    await admin.query('SELECT pg_terminate_backend($1)', [first]);
    expect(await caught).toBeInstanceOf(Error);
    const [row] = await reads.query<{ pid: number }>({ text: 'SELECT pg_backend_pid() AS pid', values: [] });
    expect(row!.pid).not.toBe(first);
    expect(await backends('lane_killed')).toEqual([row!.pid]);
  });

  it('connects again on the next query after a failed connect', async () => {
    // A port nothing listens on yet; after the first query fails, a forwarder to the real server opens there.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const target = new URL(url);
    const viaPort = new URL(url);
    viaPort.host = `127.0.0.1:${port}`;
    const reads = new ReadLane(clientConfig(viaPort.toString()), 1);
    lanes.push(reads);
    await expect(reads.query({ text: 'SELECT 1', values: [] })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    const forwarder = createServer((socket) => {
      const upstream = connect(Number(target.port || 5432), target.hostname);
      socket.pipe(upstream).pipe(socket);
      socket.on('error', () => upstream.destroy());
      upstream.on('error', () => socket.destroy());
    });
    await new Promise<void>((resolve) => forwarder.listen(port, '127.0.0.1', resolve));
    try {
      expect(await reads.query<{ n: number }>({ text: 'SELECT 7 AS n', values: [] })).toEqual([{ n: 7 }]);
    } finally {
      await reads.close();
      await new Promise((resolve) => forwarder.close(resolve));
    }
  });

  /** A forwarder to the test server that can freeze (stop passing bytes) and refuse connections past a number. */
  async function forwarder(maxConnections = Infinity) {
    const target = new URL(url);
    const state = { frozen: false, accepted: 0 };
    const paused: (() => void)[] = [];
    const server = createServer((socket) => {
      if (++state.accepted > maxConnections) return socket.destroy();
      const upstream = connect(Number(target.port || 5432), target.hostname);
      for (const [from, to] of [
        [socket, upstream],
        [upstream, socket],
      ] as const) {
        from.on('data', (chunk: Buffer) => {
          if (!state.frozen) return void to.write(chunk);
          from.pause();
          paused.push(() => (to.write(chunk), from.resume()));
        });
        from.on('error', () => to.destroy());
        from.on('close', () => to.destroy());
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const via = new URL(url);
    via.host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    return {
      url: via.toString(),
      freeze: () => void (state.frozen = true),
      thaw: () => {
        state.frozen = false;
        paused.splice(0).forEach((resume) => resume());
      },
      close: () => new Promise((resolve) => server.close(resolve)),
    };
  }

  it('fails a query the server does not answer within the timeout, and replaces its connection', async () => {
    const proxy = await forwarder();
    const reads = new ReadLane(clientConfig(proxy.url), 1, { queryTimeoutMs: 300 });
    lanes.push(reads);
    try {
      expect(await reads.query({ text: 'SELECT 1 AS n', values: [] })).toEqual([{ n: 1 }]);
      proxy.freeze();
      const started = performance.now();
      await expect(reads.query({ text: 'SELECT 2 AS n', values: [] })).rejects.toThrow('Query read timeout');
      expect(performance.now() - started).toBeLessThan(5000);
      proxy.thaw();
      expect(await reads.query({ text: 'SELECT 3 AS n', values: [] })).toEqual([{ n: 3 }]);
    } finally {
      proxy.thaw();
      await reads.close();
      await proxy.close();
    }
  });

  it('pings every connection: fails when one of them cannot connect', async () => {
    const proxy = await forwarder(1);
    const reads = new ReadLane(clientConfig(proxy.url), 2);
    lanes.push(reads);
    try {
      await expect(reads.ping()).rejects.toThrow();
      const healthy = lane('lane_ping', 2);
      await healthy.ping();
      expect((await backends('lane_ping')).length).toBe(2);
    } finally {
      await reads.close();
      await proxy.close();
    }
  });

  it.each([
    ['22012 division by zero', false, '22012'],
    ['57014 statement timeout', false, '57014'],
    ['42P01 undefined table', false, '42P01'],
    ['57P01 admin shutdown', true, '57P01'],
    ['08006 connection failure', true, '08006'],
    ['53300 too many connections', true, '53300'],
    ['XX000 internal error', true, 'XX000'],
  ])('%s: ends the connection: %s', (_name, ends, code) => {
    const error = Object.assign(new pg.DatabaseError('message', 0, 'error'), { code, severity: 'FEHLER' });
    expect(endsConnection(error)).toBe(ends);
  });

  it("a failure that is not the server's (a broken socket, a timeout) ends the connection", () => {
    expect(endsConnection(new Error('Query read timeout'))).toBe(true);
    expect(endsConnection(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))).toBe(true);
  });

  it('ends its connections on close and refuses later queries', async () => {
    const reads = lane('lane_closed', 2);
    await Promise.all([1, 2, 3].map((n) => reads.query({ text: 'SELECT $1::int', values: [n] })));
    expect((await backends('lane_closed')).length).toBe(2);
    await reads.close();
    await expect.poll(() => backends('lane_closed')).toEqual([]);
    await expect(reads.query({ text: 'SELECT 1', values: [] })).rejects.toThrow('The store is closed.');
  });

  it('refuses a size below one', () => {
    expect(() => new ReadLane(clientConfig(url), 0)).toThrow(RangeError);
  });
});
