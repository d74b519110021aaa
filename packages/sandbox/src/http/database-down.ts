// A database that does not answer is an outage to report (503, "retry later"), not a bug of the server's
// (500 with a stack trace in the log): what readiness says, any route that needs the database says too.
import { serviceUnavailable, type ErrorDialect, type ErrorReply } from '@session-obs/spec/server';
import type { SandboxStore } from '../store/contract.js';

/**
 * Why the database does not answer, as a client may read it: the driver's error code (`ECONNREFUSED`,
 * `57P01`) or the error's name, never its message, which names the database's host and port (a hosted
 * sandbox must not hand its internal addresses to the internet). The stderr log has the whole message.
 */
export function databaseDownReason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const reason = typeof code === 'string' && /^[\w.-]{1,64}$/.test(code) ? code : error instanceof Error ? error.name : 'unknown';
  return `The database does not answer: ${reason}.`;
}

/** How long a probe waits for the database: a stalled one must fail the probe, not outlast the prober's timeout. */
export const PROBE_DEADLINE_MS = 1_000;

/** `work`, or a rejection with code `ETIMEDOUT` once `ms` have passed (the work itself goes on). */
export function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`no answer within ${ms} ms`), { code: 'ETIMEDOUT' })), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** 503 naming why the database does not answer. */
export function databaseUnavailable(dialect: ErrorDialect, error: unknown): ErrorReply<503> {
  return serviceUnavailable(dialect, databaseDownReason(error));
}

/**
 * After a request failed: the 503 when the database does not answer (one trivial query tells), or undefined
 * when it does — then the failure was something else, and stays a 500.
 */
export async function whenDatabaseDown(store: SandboxStore, dialect: ErrorDialect): Promise<ErrorReply<503> | undefined> {
  try {
    await within(store.ping(), PROBE_DEADLINE_MS);
    return undefined;
  } catch (error) {
    return databaseUnavailable(dialect, error);
  }
}
