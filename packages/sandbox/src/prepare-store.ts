// Opening a store and bringing it to a ready state: SQLite (a file or `:memory:`) or PostgreSQL (a
// `postgres://` URL), migrated, and its local tenant (the configured tokens' data) seeded on first use
// with progress output. One process seeds; others starting at the same time wait for it.
import { createProgress } from './progress.js';
import { LOCAL_TENANT, type SandboxStore, type SeedSettings, type SeedSummary } from './store/contract.js';
import { isPostgresUrl } from './store/postgres/connect.js';
import { PgStore } from './store/postgres/store.js';
import { removeSandboxDatabase } from './store/remove-database.js';
import { prepareLocalTenant } from './store/seed-runs.js';
import { SqliteStore } from './store/store.js';

export type { SeedSettings } from './store/contract.js';

export interface PrepareOptions extends SeedSettings {
  /** A SQLite file, `:memory:`, or a PostgreSQL URL (`postgres://user:password@host:port/database`). */
  db: string;
  /** Seed the local tenant when it has never been seeded nor filled. Default true. */
  seedIfEmpty?: boolean;
  /** Start over: delete the SQLite file first (refused unless it is a sandbox database), or (PostgreSQL) the local tenant's data. */
  fresh?: boolean;
  /** PostgreSQL: connections in this process's pool. Default 10. */
  poolSize?: number;
  /** PostgreSQL: pipelined connections for the API's reads, beside the pool. Default 2; 0: reads use the pool. */
  readConnections?: number;
  log?: (line: string) => void;
  stream?: NodeJS.WriteStream;
}

/** Either engine, with the methods the local seed run needs. */
export type EngineStore = SqliteStore | PgStore;

/** Opens (connects, migrates) the store a `db` value names. */
export async function openEngine(
  db: string,
  options: { fresh?: boolean; poolSize?: number; readConnections?: number } = {},
): Promise<EngineStore> {
  if (isPostgresUrl(db)) {
    const store = await PgStore.open(db, { poolSize: options.poolSize, readConnections: options.readConnections });
    if (options.fresh) await store.deleteTenant(LOCAL_TENANT);
    return store;
  }
  if (db !== ':memory:' && options.fresh) removeSandboxDatabase(db);
  return SqliteStore.open(db);
}

/** Opens the store, seeding its local tenant on first run (or after an interrupted seed) with progress output. */
export async function openStore(options: PrepareOptions): Promise<{ store: EngineStore; seeded?: SeedSummary }> {
  const log = options.log ?? ((line: string) => console.log(line));
  const where = options.db === ':memory:' ? 'in memory' : isPostgresUrl(options.db) ? 'PostgreSQL' : options.db;
  log(`▸ opening the store (${where})…`);
  const store = await openEngine(options.db, options);
  try {
    const seeded = await seedLocalTenant(store, options.seedIfEmpty === false ? undefined : options, log, options.stream);
    // SQLite decides itself what needs analysing; PostgreSQL gets fresh statistics after a seed.
    if (seeded || store instanceof SqliteStore) await store.optimize();
    return { store, ...(seeded ? { seeded } : {}) };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/**
 * Opens the store `options.db` names (a SQLite file, created with its folders; `:memory:`; or a
 * PostgreSQL URL), seeding the local tenant on first run, with progress output. Throws a
 * StoreOpenError when the store cannot be opened. Give the store to `createSandboxServer`; close it after the server.
 */
export async function prepareStore(options: PrepareOptions): Promise<{ store: SandboxStore; seeded?: SeedSummary }> {
  return openStore(options);
}

/** Seeds the local tenant when nobody has (waiting while another process does); returns what this process made. */
export async function seedLocalTenant(
  store: EngineStore,
  settings: SeedSettings | undefined,
  log: (line: string) => void,
  stream?: NodeJS.WriteStream,
): Promise<SeedSummary | undefined> {
  const count = (n: number) => n.toLocaleString('en-US');
  const started = performance.now();
  let progress: ReturnType<typeof createProgress> | undefined;
  const seeded = await prepareLocalTenant(store, settings && { ...settings, onProgress: (done) => progress?.update(done) }, (claim) => {
    if (claim === 'wait') return log('▸ another process is seeding this store: waiting for it');
    if (claim === 'restart') log('▸ the previous seed was interrupted: starting over');
    log(`▸ seeding: seed ${settings!.seed}, ${count(settings!.sessions)} sessions, ${count(settings!.errors)} errors`);
    progress = createProgress('errors', settings!.errors, stream);
  });
  progress?.finish();
  if (!seeded) return undefined;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  log(
    `✔ seeded in ${seconds} s: ${seeded.sessions} sessions, ${seeded.errors} errors in ${seeded.groups} groups, ${seeded.events} events, ${seeded.observabilitySessions} observability sessions`,
  );
  return seeded;
}
