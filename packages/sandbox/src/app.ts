// Opening a store and bringing it to a ready state: seeded on first use, worker running.
import { existsSync, rmSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { openDatabase } from './store/database.js';
import { createIndexes } from './store/schema.js';
import { Store } from './store/store.js';
import { seedStore, type SeedSummary } from './seed/generate.js';
import { createProgress } from './progress.js';

export interface PrepareOptions {
  db: string;
  seed: number;
  sessions: number;
  errors: number;
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

/** Opens the store, seeding it on first run (or after an interrupted seed) with progress output. */
export function prepareStore(options: PrepareOptions): { db: Database; store: Store; seeded?: SeedSummary } {
  const log = options.log ?? ((line: string) => console.log(line));
  const memory = options.db === ':memory:';
  if (!memory && options.fresh) removeDatabase(options.db);
  if (!memory && existsSync(options.db)) {
    // A seed that was interrupted leaves its marker: start over rather than serve half a seed.
    const probe = openDatabase(options.db, { indexes: false });
    const interrupted = (probe.prepare("SELECT value FROM meta WHERE key = 'seeding'").get() as unknown) !== undefined;
    probe.close();
    if (interrupted) {
      log('▸ the previous seed was interrupted: starting over');
      removeDatabase(options.db);
    }
  }
  log(`▸ opening the store (${memory ? 'in memory' : options.db})…`);
  const db = openDatabase(options.db, { indexes: false });
  const meta = (key: string) => (db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  const empty = (db.prepare('SELECT count(*) AS n FROM sessions').get() as { n: number }).n === 0 && meta('seed') === undefined;
  let seeded: SeedSummary | undefined;
  if (empty && options.seedIfEmpty !== false) {
    log(
      `▸ seeding: seed ${options.seed}, ${options.sessions.toLocaleString('en-US')} sessions, ${options.errors.toLocaleString('en-US')} errors`,
    );
    db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('seeding', ?)").run(new Date().toISOString());
    const started = performance.now();
    const progress = createProgress('errors', options.errors, options.stream);
    seeded = seedStore(db, {
      seed: options.seed,
      sessions: options.sessions,
      errors: options.errors,
      onProgress: (done) => progress.update(done),
      onPhase: (phase) => {
        progress.finish();
        log(`▸ ${phase}…`);
      },
    });
    db.prepare("DELETE FROM meta WHERE key = 'seeding'").run();
    const secs = ((performance.now() - started) / 1000).toFixed(1);
    log(
      `✔ seeded in ${secs} s: ${seeded.sessions} sessions, ${seeded.errors} errors in ${seeded.groups} groups, ${seeded.events} events, ${seeded.observabilitySessions} observability sessions`,
    );
  }
  // Indexes exist after a seed; a store filled only by imports or ingest gets them here (idempotent).
  createIndexes(db);
  db.exec('PRAGMA optimize');
  return { db, store: new Store(db), ...(seeded ? { seeded } : {}) };
}
