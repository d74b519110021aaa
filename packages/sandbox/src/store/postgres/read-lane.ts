// The API's short reads, pipelined over a few dedicated connections instead of taking a pooled
// connection per query (`--read-connections`, off by default). Profiled under list load on the 2-core
// machine, a third of a replica's CPU was the kernel's send of each query: waking the PostgreSQL
// backend that sleeps between queries. On a pipelined connection the next query is written while the
// backend is still busy with the previous ones, so most sends wake nobody: more throughput per CPU,
// but measured with a wider latency tail for lists than the pool's first-come-first-served queue.
// Each query keeps its own Sync: an error fails that query alone. Transactions, row-locking
// statements and long ones (counts, sweeps) stay on the pool, so nothing waits behind a lock or a scan.
import pg from 'pg';

export interface ReadQuery {
  text: string;
  values: unknown[];
  /** A prepared statement's name: each connection parses and plans it once. */
  name?: string;
}

/** `size` pipelined connections, opened on first use; a broken one is replaced by the next query. */
export class ReadLane {
  private readonly connections: (Promise<pg.Client> | undefined)[];
  private readonly inFlight: number[];
  private closed = false;

  constructor(
    private readonly config: pg.ClientConfig,
    size: number,
  ) {
    if (!Number.isSafeInteger(size) || size < 1) throw new RangeError(`a read lane needs at least one connection, got ${size}`);
    this.connections = new Array<undefined>(size).fill(undefined);
    this.inFlight = new Array<number>(size).fill(0);
  }

  async query<T extends pg.QueryResultRow>(query: ReadQuery): Promise<T[]> {
    if (this.closed) throw new Error('The store is closed.');
    // The connection with the fewest queries in flight; the first on a tie, so a quiet process uses one.
    let slot = 0;
    for (let i = 1; i < this.inFlight.length; i++) if (this.inFlight[i]! < this.inFlight[slot]!) slot = i;
    this.inFlight[slot]!++;
    const opening = this.connection(slot);
    try {
      return (await (await opening).query<T>(query)).rows;
    } catch (error) {
      // A statement's own error (severity ERROR) leaves the connection fine. Anything else (the server
      // ended the session, the socket broke) means no later query should be written to it, even before
      // the driver's `end` event, which arrives a little after the failures.
      if (!(error instanceof pg.DatabaseError && error.severity === 'ERROR')) this.discard(slot, opening);
      throw error;
    } finally {
      this.inFlight[slot]!--;
    }
  }

  private discard(slot: number, opening: Promise<pg.Client>): void {
    if (this.connections[slot] !== opening) return;
    this.connections[slot] = undefined;
    opening.then((client) => client.end()).catch(() => {});
  }

  private connection(slot: number): Promise<pg.Client> {
    const existing = this.connections[slot];
    if (existing) return existing;
    // `pipeline` is pg's own mode (8.21+); its typings do not list it yet.
    const client = new pg.Client({ ...this.config, pipeline: true } as pg.ClientConfig);
    const opening: Promise<pg.Client> = client.connect().then(() => client);
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

  /** Ends every connection after its queries in flight; later queries are refused. */
  async close(): Promise<void> {
    this.closed = true;
    const open = this.connections.filter((c): c is Promise<pg.Client> => c !== undefined);
    this.connections.fill(undefined);
    await Promise.all(open.map((c) => c.then((client) => client.end()).catch(() => {})));
  }
}
