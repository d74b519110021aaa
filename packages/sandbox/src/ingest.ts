// Writing new data: errors from the sandbox-only ingest endpoint and from NDJSON imports, events and
// observability sessions from imports. Validation comes from the sandbox-only document of @session-obs/spec.
import type { Database, Statement } from 'better-sqlite3';
import {
  createSpecValidator,
  formatErrors,
  loadSpec,
  problemFromSchemaErrors,
  sandboxApiPath,
  type ParameterProblem,
  type ValidateFunction,
} from '@session-obs/spec';
import { createMonotonicIds } from './ids.js';

export interface IngestError {
  id?: string;
  session_id: string;
  type: string;
  code: string;
  message: string;
  data?: Record<string, unknown>;
  provider_run_id?: string | null;
  provider_id?: string | null;
  connection_id?: string | null;
  session_provider_id?: string | null;
  session_message_id?: string | null;
  created_at?: string;
}

/** The sandbox-only OpenAPI document (its `/_sandbox/` routes): `@session-obs/spec/sandbox-api.json`. */
export function loadSandboxApi(): any {
  return loadSpec(sandboxApiPath);
}

let validators: { request: ValidateFunction; error: ValidateFunction } | undefined;
function sandboxValidators() {
  if (!validators) {
    const api = createSpecValidator(loadSandboxApi());
    validators = { request: api.compile('/components/schemas/IngestRequest'), error: api.compile('/components/schemas/IngestError') };
  }
  return validators;
}

/** Validates an ingest request body; returns its problems (empty when valid), each in the body. */
export function validateIngestRequest(body: unknown): ParameterProblem[] {
  const { request } = sandboxValidators();
  if (request(body)) return [];
  return (request.errors ?? []).slice(0, 100).map((error) => {
    const problem = problemFromSchemaErrors('body', 'body', body, [error]);
    // The value in `received` is the part that failed, not the whole body.
    const { received: _whole, ...rest } = problem;
    return rest;
  });
}

/** Validates one imported error line; a readable reason when invalid. */
export function checkIngestError(value: unknown): string | undefined {
  const { error } = sandboxValidators();
  return error(value) ? undefined : formatErrors(error.errors ?? []);
}

/** Inserts errors, events and observability sessions; call the methods inside a transaction. */
export class Writer {
  private readonly insertError: Statement;
  private readonly insertSession: Statement;
  private readonly insertEvent: Statement;
  private readonly insertObservability: Statement;
  private readonly newId = createMonotonicIds();
  private specValidator: ReturnType<typeof createSpecValidator> | undefined;

  constructor(readonly db: Database) {
    this.insertError = db.prepare(`INSERT OR IGNORE INTO session_errors
      (id, session_id, type, code, message, data, status, provider_run_id, provider_id, connection_id, session_provider_id, session_message_id, group_id, created_at)
      VALUES (?, ?, ?, ?, ?, ?, 'processing', ?, ?, ?, ?, ?, NULL, ?)`);
    this.insertSession = db.prepare('INSERT OR IGNORE INTO sessions (id, created_at) VALUES (?, ?)');
    this.insertEvent = db.prepare(
      'INSERT OR IGNORE INTO session_events (id, session_id, type, server_run_id, server_session_id, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertObservability = db.prepare(
      'INSERT OR REPLACE INTO observability_sessions (platform, version_key, session_id, body) VALUES (?, ?, ?, ?)',
    );
  }

  /** Stores one error as `processing`; returns its id. `honourId` keeps a given id and created_at (imports). */
  error(input: IngestError, honourId = false): string {
    const id = honourId && input.id ? input.id : this.newId('ser');
    const createdAt = (honourId && input.created_at) || new Date().toISOString();
    this.insertSession.run(input.session_id, createdAt);
    this.insertError.run(
      id,
      input.session_id,
      input.type,
      input.code,
      input.message,
      JSON.stringify(input.data ?? {}),
      input.provider_run_id ?? null,
      input.provider_id ?? null,
      input.connection_id ?? null,
      input.session_provider_id ?? null,
      input.session_message_id ?? null,
      createdAt,
    );
    return id;
  }

  /** Stores one `session.event` (validated against the public spec's schema). */
  event(event: any): void {
    this.specValidator ??= createSpecValidator();
    const result = this.specValidator.validateComponent('SessionEvent', event);
    if (!result.valid) throw new Error(`invalid session.event: ${formatErrors(result.errors)}`);
    this.insertSession.run(event.session_id, event.created_at);
    this.insertEvent.run(
      event.id,
      event.session_id,
      event.type,
      event.server_run?.id ?? event.server_run_error?.server_run?.id ?? null,
      event.server_run?.server_session?.id ?? event.server_run_error?.server_run?.server_session?.id ?? null,
      JSON.stringify(event),
      event.created_at,
    );
  }

  /** Stores one observability session (validated against the public spec's schema). */
  observabilitySession(platform: string, versionKey: string, session: any): void {
    this.specValidator ??= createSpecValidator();
    const result = this.specValidator.validateComponent('ObservabilitySession', session);
    if (!result.valid) throw new Error(`invalid observability session: ${formatErrors(result.errors)}`);
    this.insertObservability.run(platform, versionKey, session.session_id, JSON.stringify(session));
  }
}
