// Connecting to PostgreSQL: a pool, the schema migrated under an advisory lock (replicas starting at
// once apply each step exactly once, the others wait and find it applied), and connection failures as
// one-line StoreOpenErrors that name the host and port, never the password.
import pg from 'pg';
import { StoreOpenError } from '../database.js';
import { POSTGRES_MIGRATIONS } from './schema.js';

/** Whether a `--database` value is a PostgreSQL URL. */
export function isPostgresUrl(value: string): boolean {
  return /^postgres(ql)?:\/\//i.test(value);
}

/**
 * The URL without its password, for messages: `host:port/database`, or the socket file for a URL naming
 * a socket directory (`postgresql:///db?host=/var/run/postgresql`, as libpq and pg read it).
 */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const host = parsed.searchParams.get('host') ?? decodeURIComponent(parsed.hostname);
    const port = parsed.searchParams.get('port') || parsed.port || '5432';
    const database = parsed.pathname.length > 1 ? parsed.pathname : '';
    if (host.startsWith('/'))
      return `socket ${host.replace(/\/$/, '')}/.s.PGSQL.${port}${database ? `, database ${database.slice(1)}` : ''}`;
    return `${host || 'localhost'}:${port}${database}`;
  } catch {
    return 'the given URL';
  }
}

const REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused (is PostgreSQL running there?)',
  ENOTFOUND: 'no such host',
  EAI_AGAIN: 'the host name cannot be resolved now',
  ETIMEDOUT: 'the connection timed out',
  EHOSTUNREACH: 'the host is unreachable',
  '28P01': 'password authentication failed',
  '3D000': 'the database does not exist',
};

function openError(url: string, error: unknown): StoreOpenError {
  const given = (error as { code?: unknown }).code;
  const code = String(given ?? 'UNKNOWN');
  const first = String((error as Error).message ?? error).split('\n')[0]!;
  // 28000 is also what a missing role gets: the server's own sentence names the user (never a password).
  // Without a code (e.g. "The server does not support SSL connections") the driver's sentence is the reason.
  // ENOENT from connect is a socket file that is not there; from anything else (a missing `sslrootcert`) the
  // driver's sentence names the file.
  const noSocket = code === 'ENOENT' && (error as { syscall?: unknown }).syscall === 'connect';
  const reason =
    code === '28000'
      ? `the server refused the user (${first})`
      : noSocket
        ? 'no socket there (is PostgreSQL running, with that socket directory?)'
        : (REASONS[code] ?? (given === undefined || first.startsWith(`${code}:`) ? first : `${code}: ${first}`));
  return new StoreOpenError(`postgres at ${describeUrl(url)}`, code, reason);
}

// bigint (int8) columns and counts as numbers: every bigint here (ms timestamps, counts) fits in 2^53.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

// One key for the whole sandbox schema: migrations and the local tenant's seed claim.
const MIGRATION_LOCK = 0x5e551011;

/** Applies the migrations not yet recorded, under a session advisory lock. */
async function migrate(client: pg.PoolClient): Promise<void> {
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    for (const step of POSTGRES_MIGRATIONS) {
      if (done.has(step.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(step.sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [step.version, step.name]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  }
}

/**
 * The URL as the driver gets it. pg 8 treats `sslmode` prefer, require and verify-ca as verify-full, and
 * says so in a nine-line warning on every start; naming verify-full (the same checks) keeps the one-line promise.
 */
export function driverUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const mode = parsed.searchParams.get('sslmode');
    if (!['prefer', 'require', 'verify-ca'].includes(mode ?? '') || parsed.searchParams.has('uselibpqcompat')) return url;
    parsed.searchParams.set('sslmode', 'verify-full');
    return parsed.toString();
  } catch {
    return url;
  }
}

/** How every connection of the store connects: the pool's and the read lane's. */
export function clientConfig(url: string): pg.ClientConfig {
  return { connectionString: driverUrl(url), connectionTimeoutMillis: 10_000, types };
}

/** Opens a pool on `url` and migrates the schema; throws a one-line StoreOpenError when it cannot. */
export async function openPool(url: string, options: { max?: number } = {}): Promise<pg.Pool> {
  const pool = new pg.Pool({ ...clientConfig(url), max: options.max ?? 10 });
  // A client losing its connection (the server restarted, the database was dropped) must not crash the
  // process: the pool's listener covers idle clients, this one every client, idle or checked out. Queries in
  // flight fail on their own, and a broken client is never reused (it is no longer queryable).
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  let client: pg.PoolClient | undefined;
  try {
    client = await pool.connect();
    await migrate(client);
    return pool;
  } catch (error) {
    client?.release(true);
    client = undefined;
    await pool.end().catch(() => {});
    throw openError(url, error);
  } finally {
    client?.release();
  }
}
