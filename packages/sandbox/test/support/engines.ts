// The two storage engines as the store tests drive them: each opens a fresh, empty store (a SQLite
// file, or a new database on the test PostgreSQL server) and can run raw SQL on it to look behind the
// contract (what a database dump would show).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openEngine, type EngineStore } from '../../src/prepare-store.js';
import { openDatabase } from '../../src/store/database.js';
import { createTestDatabase } from './postgres.js';

/** One engine under test. */
export interface EngineHarness {
  name: 'sqlite' | 'postgres';
  /** How the tests name it (one engine may run in more than one configuration). */
  label: string;
  /** PostgreSQL: the store's `readConnections` (0: reads through the pool); the default (pipelined reads) when absent. */
  readConnections?: number;
  /** A `db` value naming a new, empty store of this engine. */
  newLocation(): Promise<string>;
  /** Runs raw SQL (`?` placeholders on SQLite, `$n` on PostgreSQL) on the store at `location`. */
  query(location: string, sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
}

const sqlite: EngineHarness = {
  name: 'sqlite',
  label: 'sqlite',
  newLocation: async () => join(mkdtempSync(join(tmpdir(), 'sandbox-store-')), 'store.db'),
  query: async (location, sql, params = []) => {
    const db = openDatabase(location);
    try {
      return db.prepare(sql).all(...params) as Record<string, unknown>[];
    } finally {
      db.close();
    }
  },
};

const postgres: EngineHarness = {
  name: 'postgres',
  label: 'postgres',
  newLocation: () => createTestDatabase(inject('postgresUrl'), 'store'),
  query: async (location, sql, params = []) => {
    const client = new pg.Client({ connectionString: location });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows;
    } finally {
      await client.end();
    }
  },
};

/** Both engines, for `describe.each`. */
export const ENGINES: EngineHarness[] = [sqlite, postgres];

/** Both engines, and PostgreSQL again with the API's reads through the pool (`--read-connections 0`): the store contract's suite. */
export const STORE_ENGINES: EngineHarness[] = [
  ...ENGINES,
  { ...postgres, label: 'postgres with reads through the pool', readConnections: 0 },
];

/** Opens a new empty store of the engine; returns it with its location. */
export async function freshStore(engine: EngineHarness): Promise<{ store: EngineStore; location: string }> {
  const location = await engine.newLocation();
  return { store: await openEngine(location, { readConnections: engine.readConnections }), location };
}
