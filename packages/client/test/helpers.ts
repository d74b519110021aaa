// What the client's tests share: a fault server per test file, the call they make, and clients on
// either clock.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createClientOn } from '../src/create-client.js';
import { createClient, type ClientOptions, type SessionObservabilityClient } from '../src/index.js';
import { startFaultServer, type FaultServer } from './fault-server.js';
import { TestClock } from './test-clock.js';

export const TOKEN = 'sk_live_SECRET_tok_9f8e7d';
export const PATH = '/session-error-groups/{session_error_group_id}' as const;
export const params = { path: { session_error_group_id: 'seg_1' } };
export const group = { object: 'session.error_group', id: 'seg_1' };
/** Short backoff, so a test on the real clock never waits long. */
const FAST_BACKOFF = { initialDelayMs: 5, maxDelayMs: 20 };

/** Starts a fault server for the file's tests (reset before each test) and stops it after them. */
export function useFaultServer(): { readonly server: FaultServer } {
  let server: FaultServer | undefined;
  beforeAll(async () => {
    server = await startFaultServer();
  });
  afterAll(() => server?.close());
  beforeEach(() => {
    server?.reset();
  });
  return {
    get server() {
      if (!server) throw new Error('the fault server has not started');
      return server;
    },
  };
}

/** A client of `server` on the real clock. */
export const realClient = (server: FaultServer, options: Partial<ClientOptions> = {}): SessionObservabilityClient =>
  createClient({ baseUrl: server.url, token: TOKEN, retry: FAST_BACKOFF, ...options });

/** A client of `server` whose timeouts and retry waits run on a TestClock, with that clock. */
export function clockedClient(
  server: FaultServer,
  options: Partial<ClientOptions> = {},
): { client: SessionObservabilityClient; clock: TestClock } {
  const clock = new TestClock();
  return { clock, client: createClientOn(clock, { baseUrl: server.url, token: TOKEN, retry: FAST_BACKOFF, ...options }) };
}

/** Awaits a promise expected to reject and returns the reason. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}
