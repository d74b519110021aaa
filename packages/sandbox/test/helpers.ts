// An in-process sandbox over a seeded in-memory store, on a free port of 127.0.0.1.
import { createSpecValidator, formatErrors, loadSpec } from '@session-obs/spec';
import { createSandboxServer, type SandboxServerOptions } from '../src/http/server.js';
import { seedLocalTenant } from '../src/prepare-store.js';
import { openDatabase, type Database } from '../src/store/database.js';
import { SqliteStore } from '../src/store/store.js';

export const TOKEN = 'test-token';
export const spec = loadSpec();
export const validator = createSpecValidator(spec);
const quiet = { isTTY: false, write: () => true } as unknown as NodeJS.WriteStream;

export interface MemorySandbox {
  url: string;
  db: Database;
  store: SqliteStore;
  problems: string[];
  get(path: string): Promise<{ response: Response; status: number; body: any }>;
  close(): Promise<void>;
}

/** Starts an in-process sandbox; `close()` stops it and closes the store. `db` is the store's connection, for the tests' own queries. */
export async function memorySandbox(
  options: { seed?: number; sessions?: number; errors?: number } & Partial<SandboxServerOptions> = {},
): Promise<MemorySandbox> {
  const db = openDatabase(':memory:');
  const store = new SqliteStore(db);
  await seedLocalTenant(
    store,
    { seed: options.seed ?? 1, sessions: options.sessions ?? 12, errors: options.errors ?? 600 },
    () => {},
    quiet,
  );
  await store.optimize();
  const problems: string[] = [];
  const server = createSandboxServer({
    tokens: [TOKEN],
    validateResponses: true,
    groupingIntervalMs: false,
    onProblem: (m) => problems.push(m),
    ...options,
    store,
  });
  const url = await server.listen(0);
  const get = async (path: string) => {
    const response = await fetch(url + path, { headers: { Authorization: `Bearer ${TOKEN}` } });
    return { response, status: response.status, body: (await response.json()) as any };
  };
  return {
    url,
    db,
    store,
    problems,
    get,
    close: async () => {
      await server.close();
      await store.close();
    },
  };
}

/** Asserts-free check: a body against the spec's schema for that status; returns the problems. */
export function specProblems(specPath: string, status: number, body: unknown): string {
  const result = validator.validateResponse('get', specPath, status, body);
  return result.valid ? '' : formatErrors(result.errors);
}
