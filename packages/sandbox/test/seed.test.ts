// The seed is a function of its settings: the same seed and sizes give byte-identical tables, another
// seed other data. A store whose seed never finished is seeded again on the next start.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/prepare-store.js';
import { seedRowBounds, seedRows } from '../src/seed/generate.js';
import { collectSeed } from '../src/store/seed-runs.js';
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
async function seededTables(file: string, seed: number): Promise<string> {
  await (await openStore({ db: file, seed, sessions: 4, errors: 300, log: () => {}, stream: quiet })).store.close();
  const db = openDatabase(file);
  try {
    return JSON.stringify(TABLES.map((table) => db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all()));
  } finally {
    db.close();
  }
}

describe('the seed', () => {
  it('makes exactly the rows its summary counts, within the bounds seedRowBounds gives for its size', async () => {
    const bounds = seedRowBounds(4, 30);
    const seen = new Set<number>();
    for (let seed = 1; seed <= 60; seed++) {
      const { batches, summary } = await collectSeed({ seed, sessions: 4, errors: 30 });
      const written = batches.reduce((n, b) => n + b.errors.length + b.events.length + b.observability.length, 0);
      expect(seedRows(summary)).toBe(written);
      expect(written).toBeGreaterThanOrEqual(bounds.min);
      expect(written).toBeLessThanOrEqual(bounds.max);
      seen.add(written);
    }
    // The count really depends on the seed number (so a limit has to hold the most, not one draw).
    expect(seen.size).toBeGreaterThan(1);
  });

  it('gives byte-identical tables for the same settings, and other data for another seed', async () => {
    const first = await seededTables(join(dir, 'a.db'), 11);
    expect(await seededTables(join(dir, 'b.db'), 11)).toBe(first);
    expect(await seededTables(join(dir, 'c.db'), 12)).not.toBe(first);
  });

  it('starts over when the previous seed was interrupted (its heartbeat stopped), and not when it finished', async () => {
    const file = join(dir, 'interrupted.db');
    const seeded = await seededTables(file, 5);
    const lines: string[] = [];
    const reopen = async () =>
      (await openStore({ db: file, seed: 5, sessions: 4, errors: 300, log: (line) => lines.push(line), stream: quiet })).store.close();
    await reopen();
    expect(lines.some((line) => line.includes('seeding'))).toBe(false);

    // A seeder that died a minute ago: its tenant unfinished, its heartbeat old, half its rows written.
    const db = openDatabase(file);
    db.prepare("UPDATE tenants SET seeded_at = NULL, heartbeat_at = ? WHERE id = 'ten_local'").run(Date.now() - 60_000);
    db.prepare('DELETE FROM session_errors WHERE id IN (SELECT id FROM session_errors LIMIT 100)').run();
    db.close();
    await reopen();
    expect(lines).toContain('▸ the previous seed was interrupted: starting over');
    expect(await seededTables(file, 5)).toBe(seeded);
  });
});
