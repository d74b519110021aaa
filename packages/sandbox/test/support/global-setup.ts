// Vitest global setup: one throwaway PostgreSQL server for the whole run (see postgres.ts); test files
// get its URL with `inject('postgresUrl')` and create their own database on it.
import { dirname } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startTestPostgres } from './postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    /** The throwaway server's Unix socket directory; empty with SANDBOX_TEST_DATABASE_URL (a server of someone else's). */
    postgresSocketDir: string;
  }
}

/** Starts the server before the tests; the returned function stops it after them. */
export default async function setup(project: TestProject): Promise<() => void> {
  let server;
  try {
    server = await startTestPostgres();
  } catch (error) {
    // One line (what to install), not a stack trace: nothing else can run without the server.
    console.error(`✖ ${(error as Error).message.split('\n')[0]}`);
    process.exit(1);
  }
  project.provide('postgresUrl', server.url);
  project.provide('postgresSocketDir', server.dataDir ? dirname(server.dataDir) : '');
  return () => server.stop();
}
