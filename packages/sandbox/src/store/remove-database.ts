// `--fresh` on SQLite: deletes the database file (and its WAL files), but only when the path names a
// sandbox database. A mistyped `--db` (notes, a folder, another program's database) must never be deleted.
import { closeSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { openError } from './database.js';

const SQLITE_HEADER = 'SQLite format 3\0';

/** The first bytes of a file (fewer when it is shorter). */
function readStart(path: string, length: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    return buffer.subarray(0, readSync(fd, buffer, 0, length, 0));
  } finally {
    closeSync(fd);
  }
}

/**
 * Whether a SQLite file holds no table, or the sandbox's (`schema_migrations`, or the older `meta`). A file
 * whose tables cannot be read (corrupt) is refused by a code of its own: it may be anyone's.
 */
function isSandboxDatabase(path: string): boolean {
  let db: BetterSqlite3.Database | undefined;
  try {
    db = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    return tables.length === 0 || tables.includes('schema_migrations') || tables.includes('meta');
  } catch (error) {
    const code = String((error as { code?: unknown }).code);
    if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') throw Object.assign(new Error('corrupt'), { code: 'CORRUPT_UNKNOWN' });
    throw error;
  } finally {
    db?.close();
  }
}

/**
 * Removes the SQLite database at `path` so that it is made anew. Nothing there is fine; an empty file
 * is what SQLite itself would make a database of. Anything else but a sandbox database is refused with
 * a StoreOpenError (a directory, a file that is not SQLite, another program's database), and nothing is deleted.
 */
export function removeSandboxDatabase(path: string): void {
  try {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat) {
      if (stat.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
      if (!stat.isFile()) throw Object.assign(new Error('not a file'), { code: 'NOT_A_FILE' });
      if (stat.size > 0) {
        if (readStart(path, SQLITE_HEADER.length).toString('latin1') !== SQLITE_HEADER) {
          throw Object.assign(new Error('not a database'), { code: 'SQLITE_NOTADB' });
        }
        if (!isSandboxDatabase(path)) throw Object.assign(new Error('not a sandbox database'), { code: 'NOT_SANDBOX' });
      }
    }
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  } catch (error) {
    throw openError(path, error);
  }
}
