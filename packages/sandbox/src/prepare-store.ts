// Opening a store and bringing it to a ready state: seeded on first use (or after an interrupted
// seed), with progress output, and its indexes in place.
import { existsSync, rmSync } from 'node:fs';
import { createProgress } from './progress.js';
import { seedStore, type SeedSummary } from './seed/generate.js';
import { Store, type SandboxStore } from './store/store.js';

/** How big a seed to make. */
export interface SeedSettings {
  seed: number;
  sessions: number;
  errors: number;
}

export interface PrepareOptions extends SeedSettings {
  /** A database file, or `:memory:`. */
  db: string;
  /** Seed when the store has never been seeded or filled. Default true. */
  seedIfEmpty?: boolean;
  /** Delete the database first. */
  fresh?: boolean;
  log?: (line: string) => void;
  stream?: NodeJS.WriteStream;
}

function removeDatabase(path: string) {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}

/** Whether the store at `path` holds a seed that never finished (read without building indexes). */
function interruptedSeedAt(path: string): boolean {
  const probe = Store.open(path, { indexes: false });
  try {
    return probe.seedInterrupted();
  } finally {
    probe.close();
  }
}

/** Opens the store, seeding it on first run (or after an interrupted seed) with progress output. */
export function openStore(options: PrepareOptions): { store: Store; seeded?: SeedSummary } {
  const log = options.log ?? ((line: string) => console.log(line));
  const memory = options.db === ':memory:';
  if (!memory && options.fresh) removeDatabase(options.db);
  // A seed that was interrupted leaves its marker: start over rather than serve half a seed.
  if (!memory && existsSync(options.db) && interruptedSeedAt(options.db)) {
    log('▸ the previous seed was interrupted: starting over');
    removeDatabase(options.db);
  }
  log(`▸ opening the store (${memory ? 'in memory' : options.db})…`);
  const store = Store.open(options.db, { indexes: false });
  try {
    const seeded = options.seedIfEmpty === false ? undefined : seedIfEmpty(store, options, log, options.stream);
    store.optimize();
    return { store, ...(seeded ? { seeded } : {}) };
  } catch (error) {
    store.close();
    throw error;
  }
}

/**
 * Opens the store at `options.db` (a file, created with its folders, or `:memory:`), seeding it on first
 * run or after an interrupted seed, with progress output. Throws a StoreOpenError when the path cannot
 * hold a database. Give the store to `createSandboxServer`; close it after the server.
 */
export function prepareStore(options: PrepareOptions): { store: SandboxStore; seeded?: SeedSummary } {
  return openStore(options);
}

/** Seeds the store when it has never been seeded nor filled; returns what it made, or undefined. */
export function seedIfEmpty(
  store: Store,
  settings: SeedSettings,
  log: (line: string) => void,
  stream?: NodeJS.WriteStream,
): SeedSummary | undefined {
  if (!store.isEmpty()) return undefined;
  const count = (n: number) => n.toLocaleString('en-US');
  log(`▸ seeding: seed ${settings.seed}, ${count(settings.sessions)} sessions, ${count(settings.errors)} errors`);
  const started = performance.now();
  const progress = createProgress('errors', settings.errors, stream);
  const seeded = seedStore(store, {
    ...settings,
    onProgress: (done) => progress.update(done),
    onPhase: (phase) => {
      progress.finish();
      log(`▸ ${phase}…`);
    },
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  log(
    `✔ seeded in ${seconds} s: ${seeded.sessions} sessions, ${seeded.errors} errors in ${seeded.groups} groups, ${seeded.events} events, ${seeded.observabilitySessions} observability sessions`,
  );
  return seeded;
}
