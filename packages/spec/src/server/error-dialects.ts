// The API's two error dialects, and every error body a server sends in them. The session endpoints
// answer `{ object: "error", status, code, message, hint?, entity?, id?, errors? }`; the observability
// endpoint answers `{ type, message?, detail?, … }` with per-type fields. Which one an operation
// speaks is read from the schemas of its error responses.
import type { JsonSchema, OperationObject } from '../document.js';
import { resolveRef } from '../resolve-ref.js';
import type { ParameterProblem, ProblemLocation } from './problems.js';

/** `session`: `{ object: "error", status, code, … }`; `observability`: `{ type, … }`. */
export type ErrorDialect = 'session' | 'observability';

/** The component schema every body of a dialect validates against when its operation declares no schema for the status (405, unknown routes). */
export const DIALECT_ERROR_SCHEMA: Readonly<Record<ErrorDialect, string>> = {
  session: 'ApiError',
  observability: 'ObservabilityBadRequestGenericError',
};

/** The statuses the builders below produce. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 405 | 413 | 429 | 500 | 503;

/** The `code` of a session-dialect error body. */
export type SessionErrorCode =
  'invalid_data' | 'bad_request' | 'unauthorized' | 'forbidden' | 'not_found' | 'rate_limit_exceeded' | 'internal_server_error';

/** One entry of a session-dialect `invalid_data` body's `errors`. */
export interface SessionErrorDetail {
  code: string;
  message: string;
  path?: string[];
  expected?: string;
  received?: string;
}

/** The session endpoints' error body (the spec's `ApiError`). */
export interface SessionErrorBody {
  object: 'error';
  status: number;
  code: SessionErrorCode;
  message: string;
  hint?: string;
  entity?: string;
  id?: string;
  errors?: SessionErrorDetail[];
}

/** The `type` of an observability-dialect error body. */
export type ObservabilityErrorType =
  | 'bad_request'
  | 'invalid_enum_value'
  | 'invalid_field'
  | 'missing_required_field'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'request_entity_too_large'
  | 'too_many_requests'
  | 'internal_error'
  | 'service_unavailable';

/** The observability endpoint's error body, with the per-type fields the builders set. */
export interface ObservabilityErrorBody {
  type: ObservabilityErrorType;
  message?: string;
  detail?: string;
  field_name?: string;
  max_bytes?: number;
  retry_after?: number;
  reference_id?: string;
}

/** An error response to send: status, JSON body, and the headers this error needs (`Allow`, `Retry-After`). */
export interface ErrorReply<Status extends ErrorStatus = ErrorStatus> {
  status: Status;
  body: SessionErrorBody | ObservabilityErrorBody;
  headers: Record<string, string>;
}

/** Why a request is not authenticated. */
export type UnauthorizedReason = 'missing' | 'not_bearer' | 'unknown_token';

// ── deciding the dialect ──────────────────────────────────────────────────────────────────────────

/** The alternatives of a schema (oneOf/anyOf), each with its allOf parts merged (required keys only). */
function requiredKeys(spec: unknown, node: unknown): string[][] {
  const schema = resolveRef<JsonSchema>(spec, node as JsonSchema, '', { onUnresolvable: 'stop' }).value;
  const variants = schema?.oneOf ?? schema?.anyOf;
  if (Array.isArray(variants)) return variants.flatMap((variant) => requiredKeys(spec, variant));
  const own: string[] = Array.isArray(schema?.required) ? schema.required : [];
  if (!Array.isArray(schema?.allOf)) return [own];
  const parts = schema.allOf.flatMap((part: unknown) => requiredKeys(spec, part));
  return [[...own, ...parts.flat()]];
}

/**
 * The dialect of an operation's error responses (4xx, 5xx, default): `session` when every error
 * body requires `code` and `message`, `observability` when every one requires `type`; undefined when
 * the operation declares no error body or mixes them.
 */
export function errorDialectOf(spec: unknown, operation: OperationObject): ErrorDialect | undefined {
  const bodies = Object.entries(operation.responses ?? {})
    .filter(([status]) => /^[45]|^default$/.test(status))
    .flatMap(([, response]) => requiredKeys(spec, resolveRef(spec, response).value?.content?.['application/json']?.schema));
  if (bodies.length === 0) return undefined;
  if (bodies.every((keys) => keys.includes('code') && keys.includes('message'))) return 'session';
  if (bodies.every((keys) => keys.includes('type'))) return 'observability';
  return undefined;
}

// ── building the bodies ───────────────────────────────────────────────────────────────────────────

const clip = (text: string, max: number) => text.slice(0, max);
/** A token for a field with `pattern: ^\S+$`, or nothing when the text has none. */
const token = (text: string, max = 256): string | undefined => (/^\S+$/.test(text) ? clip(text, max) : undefined);
const readableSize = (bytes: number) =>
  bytes % 1_048_576 === 0 ? `${bytes / 1_048_576} MB` : bytes % 1024 === 0 ? `${bytes / 1024} kB` : `${bytes} bytes`;

function session<Status extends ErrorStatus>(
  status: Status,
  code: SessionErrorCode,
  message: string,
  extra: Omit<SessionErrorBody, 'object' | 'status' | 'code' | 'message'> = {},
  headers: Record<string, string> = {},
): ErrorReply<Status> {
  const hint = extra.hint === undefined ? {} : { hint: clip(extra.hint, 1024) };
  return { status, body: { object: 'error', status, code, message: clip(message, 1024), ...extra, ...hint }, headers };
}

function observability<Status extends ErrorStatus>(
  status: Status,
  type: ObservabilityErrorType,
  message: string,
  extra: Omit<ObservabilityErrorBody, 'type' | 'message'> = {},
  headers: Record<string, string> = {},
): ErrorReply<Status> {
  const detail = extra.detail === undefined ? {} : { detail: clip(extra.detail, 4096) };
  return { status, body: { type, message: clip(message, 1024), ...extra, ...detail }, headers };
}

/** One `errors` entry: the problem without its location and keyword, within the schema's limits. */
function detailOf(problem: ParameterProblem): SessionErrorDetail {
  return {
    code: /^[a-z_]{1,64}$/.test(problem.code) ? problem.code : 'invalid_value',
    message: clip(problem.message, 1024),
    path: problem.path.slice(0, 16).map((segment) => clip(segment, 128)),
    ...(problem.expected !== undefined ? { expected: clip(problem.expected, 256) } : {}),
    ...(problem.received !== undefined ? { received: clip(problem.received, 256) } : {}),
  };
}

const WHERE: Record<ProblemLocation | 'request', string> = {
  path: 'path',
  query: 'query',
  header: 'headers',
  body: 'request body',
  request: 'request',
};

/**
 * 400 for invalid request values. Session: `invalid_data` listing every problem (up to 100), with
 * `entity` naming where they are (`query`, `path`, `header`, `body`, or `request` when in several).
 * Observability: the first problem's type (`missing_required_field`, `invalid_enum_value`,
 * `invalid_field`) and `field_name`, every problem in `detail`.
 */
export function invalidRequest(dialect: ErrorDialect, problems: readonly ParameterProblem[]): ErrorReply<400> {
  const first = problems[0];
  if (dialect === 'observability') {
    if (!first) return observability(400, 'bad_request', 'The request is invalid.');
    const type =
      first.keyword === 'required' ? 'missing_required_field' : first.keyword === 'enum' ? 'invalid_enum_value' : 'invalid_field';
    const field = token(first.path.join('.'));
    return observability(400, type, `${first.message}.`, {
      detail: problems.map((problem) => problem.message).join('; '),
      ...(field ? { field_name: field } : {}),
    });
  }
  const locations = [...new Set(problems.map((problem) => problem.in))];
  const entity = locations.length === 1 ? locations[0]! : 'request';
  const names = [...new Set(problems.map((problem) => (problem.in === 'body' ? problem.path.slice(0, 2).join('.') : problem.path[0])))];
  return session(400, 'invalid_data', `Invalid ${WHERE[entity]}: ${names.join(', ')}.`, {
    entity,
    errors: problems.slice(0, 100).map(detailOf),
  });
}

/** 400 for a request that cannot be read at all (e.g. a body that is not JSON): `bad_request`. */
export function badRequest(dialect: ErrorDialect, message: string): ErrorReply<400> {
  return dialect === 'observability' ? observability(400, 'bad_request', message) : session(400, 'bad_request', message);
}

const UNAUTHORIZED: Record<UnauthorizedReason, string> = {
  missing: 'A bearer token is required.',
  not_bearer: 'The Authorization header must use the Bearer scheme.',
  unknown_token: 'The bearer token is not valid.',
};

/** 401: session `unauthorized`, observability `unauthenticated`, saying what is wrong with the credentials. */
export function unauthorized(dialect: ErrorDialect, reason: UnauthorizedReason): ErrorReply<401> {
  const hint = 'Send Authorization: Bearer <token> with a token this server accepts.';
  return dialect === 'observability'
    ? observability(401, 'unauthenticated', UNAUTHORIZED[reason], { detail: hint })
    : session(401, 'unauthorized', UNAUTHORIZED[reason], { hint });
}

/** 403: the caller is known but may not do this (session `forbidden` with a hint; observability `forbidden`). */
export function forbidden(dialect: ErrorDialect, message: string, hint?: string): ErrorReply<403> {
  return dialect === 'observability'
    ? observability(403, 'forbidden', message, hint ? { detail: hint } : {})
    : session(403, 'forbidden', message, hint ? { hint } : {});
}

/**
 * 404 for an object that does not exist. `entity` is its type as the API names it (`session`,
 * `session.error`, …); the session dialect carries it with `id`, the observability one says it in words
 * (and `detail` when given).
 */
export function notFound(dialect: ErrorDialect, entity: string, id: string, detail?: string): ErrorReply<404> {
  const what = entity.replace(/[._]/g, ' ');
  if (dialect === 'observability') return observability(404, 'not_found', `The ${what} was not found.`, detail ? { detail } : {});
  return session(404, 'not_found', `The ${what} could not be found.`, {
    ...(/^[a-z_.]{1,64}$/.test(entity) ? { entity } : {}),
    id: clip(id, 256),
    hint: 'Check the id (and, on a nested path, that the object belongs to that session).',
  });
}

/** 404 for a path no operation has (session dialect, `entity: "endpoint"`, `id`: method and path). */
export function endpointNotFound(method: string, rawPath: string): ErrorReply<404> {
  return session(404, 'not_found', 'The endpoint could not be found.', {
    entity: 'endpoint',
    id: clip(`${method.toUpperCase()} ${rawPath}`, 256),
    hint: 'Check the method and path against the API reference.',
  });
}

/** 405 with `Allow`: the path exists, the method does not (`bad_request` in either dialect, whose codes have no 405 of their own). */
export function methodNotAllowed(dialect: ErrorDialect, method: string, allow: readonly string[]): ErrorReply<405> {
  const message = `${clip(method.toUpperCase(), 32)} is not allowed here: this endpoint answers ${allow.join(', ')}.`;
  const headers = { Allow: allow.join(', ') };
  return dialect === 'observability'
    ? observability(405, 'bad_request', message, {}, headers)
    : session(405, 'bad_request', message, { hint: 'Check the method against the API reference.' }, headers);
}

/** 413: the body is larger than `maxBytes` (observability: `request_entity_too_large` with `max_bytes`). */
export function payloadTooLarge(dialect: ErrorDialect, maxBytes: number): ErrorReply<413> {
  const message = `The request body is larger than ${readableSize(maxBytes)}.`;
  return dialect === 'observability'
    ? observability(413, 'request_entity_too_large', message, { max_bytes: Math.max(0, Math.floor(maxBytes)) })
    : session(413, 'bad_request', message);
}

/** 429 with `Retry-After` (observability: `too_many_requests` with `retry_after`). */
export function tooManyRequests(dialect: ErrorDialect, retryAfterSeconds: number): ErrorReply<429> {
  const seconds = Math.min(86_400, Math.max(0, Math.ceil(retryAfterSeconds)));
  const headers = { 'Retry-After': String(seconds) };
  return dialect === 'observability'
    ? observability(429, 'too_many_requests', 'Too many requests.', { retry_after: seconds }, headers)
    : session(
        429,
        'rate_limit_exceeded',
        `Too many requests: retry after ${seconds} s.`,
        { hint: 'Wait Retry-After seconds before retrying.' },
        headers,
      );
}

/** 503: this server cannot serve now (its database does not answer); session `internal_server_error`, observability `service_unavailable`. */
export function serviceUnavailable(dialect: ErrorDialect, message: string): ErrorReply<503> {
  return dialect === 'observability'
    ? observability(503, 'service_unavailable', message)
    : session(503, 'internal_server_error', message, { hint: 'Retry later; the operator is told by the readiness probe.' });
}

/** 500 naming the request id to quote (observability: `internal_error` with `reference_id`). */
export function internalError(dialect: ErrorDialect, requestId: string): ErrorReply<500> {
  const message = 'The server failed unexpectedly.';
  if (dialect === 'observability') {
    const reference = token(requestId);
    return observability(500, 'internal_error', message, reference ? { reference_id: reference } : {});
  }
  return session(500, 'internal_server_error', message, { hint: `Quote ${requestId} when reporting it.` });
}
