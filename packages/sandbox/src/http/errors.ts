// The two error dialects of the API, as typed values: the session endpoints'
// `{ object: "error", status, code, message, … }` and the observability endpoint's `{ type, … }`.
import type { ParameterProblem } from './operations.js';

export interface HttpReply {
  status: number;
  /** The body as a value (serialised with `JSON.stringify`); ignored when `json` is set. */
  body?: unknown;
  /** The body already serialised as JSON text (the hot read paths build it from stored JSON). */
  json?: string;
  headers?: Record<string, string>;
}

/** An ApiError body (session endpoints). */
export function apiError(
  status: number,
  code: 'invalid_data' | 'bad_request' | 'unauthorized' | 'forbidden' | 'not_found' | 'rate_limit_exceeded' | 'internal_server_error',
  message: string,
  extra: { hint?: string; entity?: string; id?: string; errors?: unknown[] } = {},
): HttpReply {
  return { status, body: { object: 'error', status, code, message, ...extra } };
}

/** 400 invalid_data listing every problem. */
export function invalidData(problems: ParameterProblem[]): HttpReply {
  const errors = problems.slice(0, 100).map(({ keyword: _keyword, ...detail }) => detail);
  const names = [...new Set(problems.map((p) => p.path[0]))].join(', ');
  return apiError(400, 'invalid_data', `Invalid query: ${names}.`.slice(0, 1024), { entity: 'query', errors });
}

/** 404 not_found naming the entity and id. */
export function notFound(entity: string, id: string, what: string): HttpReply {
  return apiError(404, 'not_found', `The ${what} could not be found.`, {
    entity,
    id: id.slice(0, 256),
    hint:
      entity === 'endpoint'
        ? 'Check the method and path against the API reference.'
        : 'Check the id, and that the object belongs to this session.',
  });
}

/** The observability endpoint's error body for problems with its query. */
export function observabilityBadRequest(problems: ParameterProblem[]): HttpReply {
  const first = problems[0]!;
  const field = first.path[0] ?? 'query';
  const type = first.keyword === 'required' ? 'missing_required_field' : first.keyword === 'enum' ? 'invalid_enum_value' : 'invalid_field';
  const detail = problems
    .map((p) => p.message)
    .join('; ')
    .slice(0, 4096);
  return { status: 400, body: { type, message: `${first.message}.`.slice(0, 1024), detail, field_name: field } };
}
