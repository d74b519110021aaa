// Opening the SQLite store: a file (WAL, durable across a process crash) or `:memory:`.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { createIndexes, createTables } from './schema.js';

export type { Database } from 'better-sqlite3';

/**
 * Opens (and creates) the store. File databases use WAL with `synchronous=NORMAL`: a committed
 * transaction survives the process being killed at any point (only an OS crash or power loss
 * could drop the last commits), and a kill mid-transaction rolls that transaction back.
 */
export function openDatabase(path: string, options: { indexes?: boolean } = {}): Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new BetterSqlite3(path);
  if (path !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 10000');
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
  createTables(db);
  if (options.indexes !== false) createIndexes(db);
  return db;
}
