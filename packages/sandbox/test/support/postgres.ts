// A throwaway PostgreSQL server for tests is @session-obs/devkit's `startTestPostgres` (a real server in a
// temporary folder on a free port of 127.0.0.1, stopped when the tests end; SANDBOX_TEST_DATABASE_URL
// points at an existing server instead). This module adds a fresh database per test file.
import pg from 'pg';

export { findPostgresBin, startTestPostgres, type TestPostgres } from '@session-obs/devkit';

/** Creates a fresh database on the server of `url` and returns its URL (each test file gets its own). */
export async function createTestDatabase(url: string, prefix: string): Promise<string> {
  const name = `${prefix}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e9).toString(36)}`.toLowerCase();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}
