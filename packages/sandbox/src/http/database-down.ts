// A database that does not answer is an outage to report (503, "retry later"), not a bug of the server's
// (500 with a stack trace in the log): what readiness says, any route that needs the database says too.
import { serviceUnavailable, type ErrorDialect, type ErrorReply } from '@session-obs/spec/server';
import type { SandboxStore } from '../store/contract.js';

/** The first line of a failure's message (a driver's error can run over several). */
export function firstLine(error: unknown): string {
  return error instanceof Error ? (error.message.split('\n', 1)[0] ?? '') : String(error);
}

/** 503 naming why the database does not answer. */
export function databaseUnavailable(dialect: ErrorDialect, error: unknown): ErrorReply<503> {
  return serviceUnavailable(dialect, `The database does not answer: ${firstLine(error)}.`);
}

/**
 * After a request failed: the 503 when the database does not answer (one trivial query tells), or undefined
 * when it does — then the failure was something else, and stays a 500.
 */
export async function whenDatabaseDown(store: SandboxStore, dialect: ErrorDialect): Promise<ErrorReply<503> | undefined> {
  try {
    await store.ping();
    return undefined;
  } catch (error) {
    return databaseUnavailable(dialect, error);
  }
}
