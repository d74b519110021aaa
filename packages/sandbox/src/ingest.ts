// New errors from the sandbox-only ingest endpoint and from NDJSON imports: validated against the
// sandbox-only document of @session-obs/spec, then turned into the rows the store writes.
import { createSpecValidator, formatErrors, loadSpec, pointerGet, sandboxApiPath, type ValidateFunction } from '@session-obs/spec';
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

/** Validates an ingest request body (already checked for its nesting: see ./nesting-depth.ts); returns its problems (empty when valid), each in the body. */
export function validateIngestRequest(body: unknown): ParameterProblem[] {
  return problemsOf(sandboxValidators().request, body);
}

/** Validates a `POST /_sandbox/tenants` body (seed settings); returns its problems (empty when valid). */
export function validateTenantRequest(body: unknown): ParameterProblem[] {
  return problemsOf(sandboxValidators().tenant, body);
}

function problemsOf(request: ValidateFunction, body: unknown): ParameterProblem[] {
  if (request(body)) return [];
  // `received` shows the part that failed (its first 256 characters), never the whole body; the problems
  // of one part (an object missing several fields) show it once.
  const shown = new Map<string, string | undefined>();
  return (request.errors ?? []).slice(0, 100).map((error) => {
    const known = shown.has(error.instancePath);
    const problem = problemFromSchemaErrors('body', 'body', known ? null : pointerGet(body, error.instancePath), [error]);
    if (!known) shown.set(error.instancePath, problem.received);
    return { ...problem, received: shown.get(error.instancePath) };
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
    id: wellFormed((keepIdentity && input.id) || newId()),
    session_id: wellFormed(input.session_id),
    type: input.type,
    code: wellFormed(input.code),
    message: wellFormed(input.message),
    data: JSON.stringify(input.data ?? {}),
    provider_run_id: wellFormedOrNull(input.provider_run_id),
    provider_id: wellFormedOrNull(input.provider_id),
    connection_id: wellFormedOrNull(input.connection_id),
    session_provider_id: wellFormedOrNull(input.session_provider_id),
    session_message_id: wellFormedOrNull(input.session_message_id),
    created_at: wellFormed((keepIdentity && input.created_at) || new Date().toISOString()),
  };
}

// A lone UTF-16 surrogate (JSON allows `"\ud800"`) has no UTF-8 form: the PostgreSQL driver and SQLite
// would each store something else in its place, and PostgreSQL's stored JSON parts would keep the escape.
// It is replaced here, once, by U+FFFD, as `String.prototype.toWellFormed` does. (`data` is kept as JSON
// text, where `JSON.stringify` escapes it.)
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const wellFormed = (text: string): string => text.replace(LONE_SURROGATE, '\ufffd');
const wellFormedOrNull = (text: string | null | undefined): string | null => (text == null ? null : wellFormed(text));

/** A generator of ingest ids (`ser_…`), increasing even within one millisecond. */
export function createErrorIds(): () => string {
  const next = createMonotonicIds();
  return () => next('ser');
}
