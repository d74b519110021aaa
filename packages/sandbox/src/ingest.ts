// New errors from the sandbox-only ingest endpoint and from NDJSON imports: validated against the
// sandbox-only document of @session-obs/spec, then turned into the rows the store writes.
import { createSpecValidator, formatErrors, loadSpec, sandboxApiPath, type ValidateFunction } from '@session-obs/spec';
import { problemFromSchemaErrors, type ParameterProblem } from '@session-obs/spec/server';
import { createMonotonicIds } from './ids.js';
import type { NewErrorRow } from './store/writes.js';

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

let validators: { request: ValidateFunction; error: ValidateFunction; tenant: ValidateFunction } | undefined;
function sandboxValidators() {
  if (!validators) {
    const api = createSpecValidator(loadSandboxApi());
    validators = {
      request: api.compile('/components/schemas/IngestRequest'),
      error: api.compile('/components/schemas/IngestError'),
      tenant: api.compile('/components/schemas/TenantRequest'),
    };
  }
  return validators;
}

/** Validates an ingest request body; returns its problems (empty when valid), each in the body. */
export function validateIngestRequest(body: unknown): ParameterProblem[] {
  return problemsOf(sandboxValidators().request, body);
}

/** Validates a `POST /_sandbox/tenants` body (seed settings); returns its problems (empty when valid). */
export function validateTenantRequest(body: unknown): ParameterProblem[] {
  return problemsOf(sandboxValidators().tenant, body);
}

function problemsOf(request: ValidateFunction, body: unknown): ParameterProblem[] {
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

/**
 * The stored row of an ingested or imported error. Ingest gives every error a new id and the current
 * time; an import keeps the line's own `id` and `created_at` when it has them (re-runs skip it).
 */
export function errorRow(input: IngestError, newId: () => string, keepIdentity = false): NewErrorRow {
  return {
    id: (keepIdentity && input.id) || newId(),
    session_id: input.session_id,
    type: input.type,
    code: input.code,
    message: input.message,
    data: JSON.stringify(input.data ?? {}),
    provider_run_id: input.provider_run_id ?? null,
    provider_id: input.provider_id ?? null,
    connection_id: input.connection_id ?? null,
    session_provider_id: input.session_provider_id ?? null,
    session_message_id: input.session_message_id ?? null,
    created_at: (keepIdentity && input.created_at) || new Date().toISOString(),
  };
}

/** A generator of ingest ids (`ser_…`), increasing even within one millisecond. */
export function createErrorIds(): () => string {
  const next = createMonotonicIds();
  return () => next('ser');
}
