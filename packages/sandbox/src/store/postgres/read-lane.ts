// The API's short reads, pipelined over a few dedicated connections instead of taking a pooled
// connection per query (`--read-connections`, two by default; 0 turns it off). Profiled under list load
// on the 2-core machine, a third of a replica's CPU was the kernel's send of each query: waking the
// PostgreSQL backend that sleeps between queries. On a pipelined connection the next query is written
// while the backend is still busy with the previous ones, so most sends wake nobody. Measured against
// the pool: more list throughput with two replicas and faster gets; the list latency tail as narrow on
// a quiet host, wider under a loaded one.
// Each query keeps its own Sync: an error fails that query alone. Transactions, row-locking
// statements and long ones (counts, sweeps) stay on the pool, so nothing waits behind a lock or a scan.
import type { Socket } from 'node:net';
import pg from 'pg';

export interface ReadQuery {
  text: string;
  values: unknown[];
  /** A prepared statement's name: each connection parses and plans it once. */
  name?: string;
}

/**
 * SQLSTATE classes after which a connection is not reused: connection exceptions, insufficient
 * resources, system and internal errors, and the 57P codes (the server shutting down or ending the
 * session). Decided by code, not by the severity text, which the server translates (`FEHLER`).
 */
const SESSION_ENDING = /^(08|53|58|XX|57P)/;

/** Whether the connection a query failed on must not be used again. */
export function endsConnection(error: unknown): boolean {
  if (!(error instanceof pg.DatabaseError)) return true;
  return SESSION_ENDING.test(error.code ?? '');
}

export interface ReadLaneOptions {
  /** A query with no answer after this long fails, and its connection is replaced. Default 30 s. */
  queryTimeoutMs?: number;
}

/** `size` pipelined connections, opened on first use; a broken one is replaced by the next query. */
export class ReadLane {
  private readonly connections: (Promise<pg.Client> | undefined)[];
  private readonly inFlight: number[];
  private readonly queryTimeoutMs: number;
  private closed = false;

  constructor(
    private readonly config: pg.ClientConfig,
    size: number,
    options: ReadLaneOptions = {},
  ) {
    if (!Number.isSafeInteger(size) || size < 1) throw new RangeError(`a read lane needs at least one connection, got ${size}`);
    this.connections = new Array<undefined>(size).fill(undefined);
    this.inFlight = new Array<number>(size).fill(0);
    this.queryTimeoutMs = options.queryTimeoutMs ?? 30_000;
  }

  async query<T extends pg.QueryResultRow>(query: ReadQuery): Promise<T[]> {
    if (this.closed) throw new Error('The store is closed.');
    // The connection with the fewest queries in flight; the first on a tie, so a quiet process uses one.
    let slot = 0;
    for (let i = 1; i < this.inFlight.length; i++) if (this.inFlight[i]! < this.inFlight[slot]!) slot = i;
    return this.on(slot, query);
  }

  /** Answers `SELECT 1` on every connection (opening the missing ones): what readiness asks of the lane. */
  async ping(): Promise<void> {
    if (this.closed) throw new Error('The store is closed.');
    await Promise.all(this.connections.map((_, slot) => this.on(slot, { text: 'SELECT 1', values: [] })));
  }

  private async on<T extends pg.QueryResultRow>(slot: number, query: ReadQuery): Promise<T[]> {
    let opening: Promise<pg.Client> | undefined;
    this.inFlight[slot]!++;
    try {
      opening = this.connection(slot);
      const client = await opening;
      this.coalesce(client);
      return (await client.query<T>(query)).rows;
    } catch (error) {
      // The server ended the session, the socket broke, or the query timed out (the driver then
      // destroys the socket): no later query may be written to this connection, even before the
      // driver's `end` event, which arrives a little after the failures.
      if (opening && endsConnection(error)) this.discard(slot, opening);
      throw error;
    } finally {
      this.inFlight[slot]!--;
    }
  }

  /**
   * Holds this connection's writes until the event loop has run every callback that is due now: the
   * queries of all the requests that arrived together leave in one send, and PostgreSQL is woken once
   * for them, not once per query. The driver corks around each query too, but uncorks before it returns:
   * a socket still corked here was corked by this turn's first query.
   */
  private coalesce(client: pg.Client): void {
    // pg's own socket (a TLS socket once SSL is on); pg checks for `cork` the same way before using it.
    const socket = (client as unknown as { connection?: { stream?: Partial<Socket> } }).connection?.stream;
    if (typeof socket?.cork !== 'function' || typeof socket.uncork !== 'function' || socket.writableCorked) return;
    socket.cork();
    setImmediate(() => socket.uncork!());
  }

  private discard(slot: number, opening: Promise<pg.Client>): void {
    if (this.connections[slot] !== opening) return;
    this.connections[slot] = undefined;
    opening.then((client) => client.end()).catch(() => {});
  }

  private connection(slot: number): Promise<pg.Client> {
    const existing = this.connections[slot];
    if (existing) return existing;
    // `pipeline` is pg's own mode (8.21+); its typings do not list it yet. Unlike the pool's, these
    // connections are never closed for being idle, so TCP keepalive finds one a NAT or firewall has
    // silently dropped, and the query timeout bounds a query the server never answers.
    const client = new pg.Client({
      ...this.config,
      pipeline: true,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      query_timeout: this.queryTimeoutMs,
    } as pg.ClientConfig);
    // Every statement sent here is a lookup by key or a page whose plan is the same for any values
    // (pages that need their values planned go to the pool unprepared): each is planned once per
    // connection. Left to its cost comparison, PostgreSQL planned the page after a tenant's first error
    // again on every request (test/store-plans.test.ts).
    const opening: Promise<pg.Client> = client
      .connect()
      .then(() => client.query('SET plan_cache_mode = force_generic_plan'))
      .then(
        () => client,
        (error: unknown) => {
          client.end().catch(() => {});
          throw error;
        },
      );
    // The driver fails the queries in flight on a lost connection; the next query opens a new one.
    // The listener also keeps a lost connection's `error` event from crashing the process.
    const forget = () => {
      if (this.connections[slot] === opening) this.connections[slot] = undefined;
    };
    client.on('error', forget);
    client.on('end', forget);
    opening.catch(forget);
    this.connections[slot] = opening;
    return opening;
  }

  /** Ends every connection after its queries in flight (each bounded by the query timeout); later queries are refused. */
  async close(): Promise<void> {
    this.closed = true;
    const open = this.connections.filter((c): c is Promise<pg.Client> => c !== undefined);
    this.connections.fill(undefined);
    await Promise.all(open.map((c) => c.then((client) => client.end()).catch(() => {})));
  }
}
