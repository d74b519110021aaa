// The store's own facts, in the `meta` table: `seed` (the settings of the seed that filled it) and
// `seeding` (present while a seed runs, so an interrupted one is recognised).
import type { Database, Statement } from 'better-sqlite3';

/** The keys the store writes. */
export type MetaKey = 'seed' | 'seeding';

/** Reads and writes the meta table. */
export class MetaTable {
  private readonly select: Statement;
  private readonly upsert: Statement;
  private readonly remove: Statement;

  constructor(db: Database) {
    this.select = db.prepare('SELECT value FROM meta WHERE key = ?').pluck();
    this.upsert = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    this.remove = db.prepare('DELETE FROM meta WHERE key = ?');
  }

  /** The value of a key, if set. */
  get(key: MetaKey): string | undefined {
    return this.select.get(key) as string | undefined;
  }

  /** Sets a key. */
  set(key: MetaKey, value: string): void {
    this.upsert.run(key, value);
  }

  /** Removes a key. */
  delete(key: MetaKey): void {
    this.remove.run(key);
  }
}
