// Vitest global setup: one throwaway PostgreSQL server for the whole run (see postgres.ts); test files
// get its URL with `inject('postgresUrl')` and create their own database on it.
import type { TestProject } from 'vitest/node';
import { startTestPostgres } from './postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

/** Starts the server before the tests; the returned function stops it after them. */
export default async function setup(project: TestProject): Promise<() => void> {
  const server = await startTestPostgres();
  project.provide('postgresUrl', server.url);
  return () => server.stop();
}
