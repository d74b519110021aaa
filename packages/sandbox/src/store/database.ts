// Opening the SQLite store: a file (WAL, durable across a process crash) or `:memory:`.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { SQLITE_MIGRATIONS } from './schema.js';

export type { Database } from 'better-sqlite3';

/** Why a database could not be opened: `code` is the system's or SQLite's, the message one line naming the path. */
export class StoreOpenError extends Error {
  override readonly name = 'StoreOpenError';

  constructor(
    readonly path: string,
    readonly code: string,
    reason: string,
  ) {
    super(`cannot open the database ${path}: ${reason}`);
  }
}

const REASONS: Record<string, string> = {
  EISDIR: 'it is a directory (give a file path)',
  ENOTDIR: 'a part of its path is a file, not a directory',
  ENOENT: 'its folder cannot be created there',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  SQLITE_CANTOPEN: 'cannot create or open the file there (is its folder writable?)',
  SQLITE_NOTADB: 'the file is not a SQLite database',
  SQLITE_READONLY: 'the file is read-only',
  SQLITE_CORRUPT: 'the file is corrupt',
  SQLITE_FULL: 'no space left on the device',
  SQLITE_BUSY: 'another process holds it locked',
  LEGACY_SCHEMA: 'it was made by an earlier sandbox version (without tenants): start with --fresh to replace it',
  NOT_A_FILE: 'it is not a regular file',
  NOT_SANDBOX: "it is a SQLite database, but not the sandbox's: --fresh deletes only a sandbox database",
  CORRUPT_UNKNOWN:
    'the file is corrupt, so --fresh cannot tell whether it is a sandbox database: delete it (and its -wal and -shm files) yourself to start afresh',
};

/** The error as a StoreOpenError (known codes get a readable reason). */
export function openError(path: string, error: unknown): StoreOpenError {
  const code = String((error as { code?: unknown }).code ?? 'UNKNOWN');
  const reason = REASONS[code] ?? `${code}: ${String((error as Error).message ?? error).split('\n')[0]}`;
  return new StoreOpenError(path, code, reason);
}

/**
 * Creates a folder and its missing parents, one level at a time. Node 20's `mkdirSync(…, { recursive: true })`
 * loops forever where a parent exists but refuses children (under `/proc`): here that is an ENOENT.
 */
function makeFolder(folder: string): void {
  const missing: string[] = [];
  for (let at = folder; !existsSync(at); at = dirname(at)) missing.unshift(at);
  for (const level of missing) mkdirSync(level);
}

/**
 * Opens (and creates) the store. File databases use WAL with `synchronous=NORMAL`: a committed
 * transaction survives the process being killed at any point (only an OS crash or power loss
 * could drop the last commits), and a kill mid-transaction rolls that transaction back.
 * Throws a {@link StoreOpenError} when the path cannot hold a database.
 */
export function openDatabase(path: string): Database {
  const memory = path === ':memory:';
  let db: Database | undefined;
  try {
    if (!memory) {
      if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
      makeFolder(dirname(path));
    }
    db = new BetterSqlite3(path);
    if (!memory) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 10000');
    db.pragma('cache_size = -65536');
    db.pragma('temp_store = MEMORY');
    migrate(db);
    return db;
  } catch (error) {
    db?.close();
    throw openError(path, error);
  }
}

/** Applies the migrations not yet recorded, under one write lock: two processes opening a new file at once apply each step once. */
export function migrate(db: Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const applied = db.prepare('SELECT version FROM schema_migrations').pluck();
  const latest = SQLITE_MIGRATIONS.at(-1)!.version;
  if ((applied.all() as number[]).includes(latest)) return;
  // IMMEDIATE: the write lock is taken at BEGIN, so a second process waits here, then finds the steps applied.
  db.transaction(() => {
    const done = new Set(applied.all() as number[]);
    const legacy = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get();
    if (done.size === 0 && legacy) throw Object.assign(new Error('legacy schema'), { code: 'LEGACY_SCHEMA' });
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const step of SQLITE_MIGRATIONS) {
      if (done.has(step.version)) continue;
      db.exec(step.sql);
      record.run(step.version, step.name, new Date().toISOString());
    }
  }).immediate();
}
