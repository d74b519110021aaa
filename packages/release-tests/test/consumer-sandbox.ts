// The installed sandbox every consumer calls, started from the consumer's project, and what each consumer
// must report back: the numbers come from the sandbox itself (its health counts and fixture ids).
import { expect } from 'vitest';
import { SANDBOX_TOKEN, startInstalledSandbox, type InstalledServer } from '../src/installed-servers.js';
import type { ScratchProject } from '../src/scratch-project.js';

/** Items per page the consumers ask for: the seeded errors take several pages. */
export const PAGE_SIZE = 40;
/** Seeded errors: 230 at 40 a page is 6 pages, the last one short. */
const ERRORS = 230;

export interface ConsumerSandbox {
  server: InstalledServer;
  /** What a consumer is told (environment variables in Node, the URL hash in a browser). */
  settings: Record<string, string>;
  /** What every consumer must report. */
  expected: Record<string, unknown>;
}

/** Starts the project's installed sandbox (in memory, seeded) and reads what it holds. */
export async function startConsumerSandbox(project: ScratchProject): Promise<ConsumerSandbox> {
  const server = await startInstalledSandbox(project, ['--db', ':memory:', '--seed', '11', '--sessions', '12', '--errors', String(ERRORS)]);
  const auth = { headers: { Authorization: `Bearer ${SANDBOX_TOKEN}` } };
  const health = (await (await fetch(`${server.url}/_sandbox/health`)).json()) as { counts: { session_errors: number } };
  const fixtures = (await (await fetch(`${server.url}/_sandbox/fixtures`, auth)).json()) as {
    session_id: string;
    session_error_id: string;
  };
  expect(health.counts.session_errors).toBe(ERRORS);
  const held = health.counts.session_errors;
  return {
    server,
    settings: {
      SANDBOX_URL: server.url,
      SANDBOX_TOKEN,
      SESSION_ID: fixtures.session_id,
      SESSION_ERROR_ID: fixtures.session_error_id,
      PAGE_SIZE: String(PAGE_SIZE),
    },
    expected: {
      count: held,
      distinct: held,
      ascending: true,
      one: { id: fixtures.session_error_id, sessionId: fixtures.session_id, inList: true },
      notFound: { isNotFoundError: true, isApiError: true, kind: 'NotFoundError', code: 'not_found', status: 404 },
      abort: {
        isAbortError: true,
        name: 'AbortError',
        seenBeforeAbort: expect.toSatisfy((seen: number) => seen >= 1 && seen <= PAGE_SIZE),
      },
    },
  };
}
