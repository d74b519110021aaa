// The seed is a function of its settings: the same seed and sizes give byte-identical tables, another
// seed other data. A store whose seed never finished is seeded again on the next start.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/prepare-store.js';
import { openDatabase } from '../src/store/database.js';

const quiet = { isTTY: false, write: () => true } as unknown as NodeJS.WriteStream;
const TABLES = [
  'sessions',
  'session_errors',
  'session_error_groups',
  'session_error_group_sessions',
  'session_events',
  'observability_sessions',
];
const dir = mkdtempSync(join(tmpdir(), 'sandbox-seed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every row of every table of a store seeded into `file`, as JSON text. */
function seededTables(file: string, seed: number): string {
  openStore({ db: file, seed, sessions: 4, errors: 300, log: () => {}, stream: quiet }).store.close();
  const db = openDatabase(file);
  try {
    return JSON.stringify(TABLES.map((table) => db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all()));
  } finally {
    db.close();
  }
}

describe('the seed', () => {
  it('gives byte-identical tables for the same settings, and other data for another seed', () => {
    const first = seededTables(join(dir, 'a.db'), 11);
    expect(seededTables(join(dir, 'b.db'), 11)).toBe(first);
    expect(seededTables(join(dir, 'c.db'), 12)).not.toBe(first);
  });

  it('starts over when the previous seed was interrupted, and not when it finished', () => {
    const file = join(dir, 'interrupted.db');
    const seeded = seededTables(file, 5);
    const lines: string[] = [];
    const reopen = () =>
      openStore({ db: file, seed: 5, sessions: 4, errors: 300, log: (line) => lines.push(line), stream: quiet }).store.close();
    reopen();
    expect(lines.some((line) => line.includes('seeding'))).toBe(false);

    const db = openDatabase(file);
    db.prepare("INSERT INTO meta (key, value) VALUES ('seeding', 'then the process died')").run();
    db.prepare('DELETE FROM session_errors WHERE id IN (SELECT id FROM session_errors LIMIT 100)').run();
    db.close();
    reopen();
    expect(lines).toContain('▸ the previous seed was interrupted: starting over');
    expect(seededTables(file, 5)).toBe(seeded);
  });
});
