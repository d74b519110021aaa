// TEMPORARY: the routing, parameter validation and error bodies the mock shares with the sandbox belong in
// `@session-obs/spec` (being moved there in parallel). Until they land, this file holds a minimal copy
// behind the small interface below; switching to the shared modules changes this file only.
import { createSpecValidator, listOperations, pointerEscape, resolveRef, type ErrorObject, type ValidateFunction } from '@session-obs/spec';

export type Dialect = 'session' | 'observability';

export interface ApiOperation {
  operationId: string;
  /** Lower-case HTTP method. */
  method: string;
  /** The spec path, e.g. `/sessions/{session_id}/errors`. */
  path: string;
  dialect: Dialect;
  /** Names of the query parameters whose schema is an enum (what an example can be chosen by). */
  enumParameters: string[];
}

export type RouteMatch =
  | { kind: 'operation'; operation: ApiOperation; pathValues: Record<string, string> }
  | { kind: 'method-not-allowed'; allow: string[]; dialect: Dialect }
  | { kind: 'not-found' };

/** One problem with one parameter, in the shape of the spec's `ApiErrorDetail`. */
export interface Problem {
  code: string;
  message: string;
  path: string[];
  expected?: string;
  received?: string;
}

export interface ErrorReply {
  status: number;
  body: Record<string, unknown>;
}

export interface ApiRules {
  /** The operation for a method and an encoded path (its path values decoded), a 405 with what is allowed, or no route. */
  route(method: string, encodedPath: string): RouteMatch;
  /** Every problem with the request's path and query parameters, including the cross-parameter rules. */
  validate(
    operation: ApiOperation,
    pathValues: Record<string, string>,
    query: URLSearchParams,
  ): { problems: Problem[]; values: Record<string, unknown> };
  invalidParameters(operation: ApiOperation, problems: Problem[]): ErrorReply;
  unauthorized(dialect: Dialect, message: string): ErrorReply;
  routeNotFound(method: string, path: string): ErrorReply;
  methodNotAllowed(dialect: Dialect, method: string, allow: string[]): ErrorReply;
  /** A request the API cannot process as sent (400 by default; 408 or 431 for what Node refuses to parse). */
  badRequest(dialect: Dialect, message: string, status?: number): ErrorReply;
  internalError(dialect: Dialect, requestId: string): ErrorReply;
}

interface Parameter {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  array: boolean;
  integer: boolean;
  enumerated: boolean;
  validate: ValidateFunction;
}

interface CompiledOperation extends ApiOperation {
  pattern: RegExp;
  pathNames: string[];
  parameters: Parameter[];
}

const CODES: Record<string, string> = {
  type: 'invalid_type',
  enum: 'invalid_enum_value',
  pattern: 'invalid_string',
  minimum: 'too_small',
  minLength: 'too_small',
  minItems: 'too_small',
  maximum: 'too_big',
  maxLength: 'too_big',
  maxItems: 'too_big',
  uniqueItems: 'not_unique',
};

/** Compiles the spec's routes and parameter validators. */
export function createApiRules(spec: unknown): ApiRules {
  const validator = createSpecValidator(spec);
  const operations: CompiledOperation[] = listOperations(spec).map(({ method, path, operationId, operation }) => {
    const base = `/paths/${pointerEscape(path)}`;
    const item = (spec as { paths: Record<string, { parameters?: unknown[] }> }).paths[path]!;
    const refs: Array<[unknown, string]> = [
      ...(item.parameters ?? []).map((p, i): [unknown, string] => [p, `${base}/parameters/${i}`]),
      ...((operation.parameters ?? []) as unknown[]).map((p, i): [unknown, string] => [p, `${base}/${method}/parameters/${i}`]),
    ];
    const parameters = refs.map(([ref, pointer]): Parameter => {
      const [at, param] = resolveRef(spec, ref, pointer);
      const [, schema] = resolveRef(spec, param.schema, `${at}/schema`);
      const types = ([] as unknown[]).concat(schema.type ?? []);
      return {
        name: param.name,
        in: param.in,
        required: Boolean(param.required),
        array: types.includes('array'),
        integer: types.includes('integer'),
        enumerated: Array.isArray(schema.enum),
        validate: validator.compile(`${at}/schema`),
      };
    });
    const pathNames: string[] = [];
    const source = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_, name: string) => {
      pathNames.push(name);
      return '([^/]+)';
    });
    return {
      operationId,
      method,
      path,
      dialect: path === '/observability.sessions.get' ? 'observability' : 'session',
      enumParameters: parameters.filter((p) => p.in === 'query' && p.enumerated).map((p) => p.name),
      pattern: new RegExp(`^${source}$`),
      pathNames,
      parameters,
    };
  });

  return {
    route(method, encodedPath) {
      const onPath = operations.filter((o) => o.pattern.test(encodedPath));
      const operation = onPath.find((o) => o.method === method || (method === 'head' && o.method === 'get'));
      if (operation) {
        const match = operation.pattern.exec(encodedPath)!;
        const pathValues: Record<string, string> = {};
        operation.pathNames.forEach((name, i) => (pathValues[name] = decode(match[i + 1]!)));
        return { kind: 'operation', operation, pathValues };
      }
      if (!onPath.length) return { kind: 'not-found' };
      const allow = [...new Set(onPath.flatMap((o) => (o.method === 'get' ? ['GET', 'HEAD'] : [o.method.toUpperCase()])))];
      return { kind: 'method-not-allowed', allow, dialect: onPath[0]!.dialect };
    },
    validate(operation, pathValues, query) {
      return validate(operation as CompiledOperation, pathValues, query);
    },
    invalidParameters(operation, problems) {
      if (operation.dialect === 'observability') {
        const first = problems[0]!;
        const type =
          first.code === 'required'
            ? 'missing_required_field'
            : first.code === 'invalid_enum_value'
              ? 'invalid_enum_value'
              : 'invalid_field';
        const detail = problems.map((p) => p.message).join('; ');
        return {
          status: 400,
          body: { type, message: `${first.message}.`.slice(0, 1024), detail: detail.slice(0, 4096), field_name: first.path[0] ?? 'query' },
        };
      }
      const names = [...new Set(problems.map((p) => p.path[0]))].join(', ');
      return sessionError(400, 'invalid_data', `Invalid request parameters: ${names}.`.slice(0, 1024), {
        hint: 'Fix the parameters listed in `errors` and send the request again.',
        entity: 'query',
        errors: problems.slice(0, 100),
      });
    },
    unauthorized: (dialect, message) =>
      dialect === 'observability'
        ? { status: 401, body: { type: 'unauthenticated', message, detail: 'Send Authorization: Bearer <token>.' } }
        : sessionError(401, 'unauthorized', message, { hint: 'Send Authorization: Bearer <token>.' }),
    routeNotFound: (method, path) =>
      sessionError(404, 'not_found', 'The endpoint could not be found.', {
        hint: 'Check the method and path against the API reference.',
        entity: 'endpoint',
        id: `${method.toUpperCase()} ${path}`.slice(0, 256),
      }),
    methodNotAllowed: (dialect, method, allow) => {
      const message = `${method.toUpperCase().slice(0, 32)} is not allowed here; allowed: ${allow.join(', ')}.`;
      return dialect === 'observability'
        ? { status: 405, body: { type: 'bad_request', message } }
        : sessionError(405, 'bad_request', message);
    },
    badRequest: (dialect, message, status = 400) =>
      dialect === 'observability' ? { status, body: { type: 'bad_request', message } } : sessionError(status, 'bad_request', message),
    internalError: (dialect, requestId) =>
      dialect === 'observability'
        ? { status: 500, body: { type: 'internal_error', message: 'The mock failed unexpectedly.', reference_id: requestId } }
        : sessionError(500, 'internal_server_error', 'The mock failed unexpectedly.', { hint: `Quote ${requestId} when reporting it.` }),
  };
}

function sessionError(status: number, code: string, message: string, extra: Record<string, unknown> = {}): ErrorReply {
  return { status, body: { object: 'error', status, code, message, ...extra } };
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value)).slice(0, 256);

function validate(operation: CompiledOperation, pathValues: Record<string, string>, query: URLSearchParams) {
  const problems: Problem[] = [];
  const values: Record<string, unknown> = {};
  for (const param of operation.parameters) {
    const brackets = param.in === 'query' ? query.getAll(`${param.name}[]`) : [];
    const raw = param.in === 'path' ? [pathValues[param.name] ?? ''] : [...query.getAll(param.name), ...brackets];
    if (raw.length === 0) {
      if (param.required)
        problems.push({ code: 'required', message: `${param.name} is required`, path: [param.name], expected: 'a value' });
      continue;
    }
    let value: unknown = raw;
    if (!param.array || (raw.length === 1 && !brackets.length)) {
      if (raw.length > 1) {
        problems.push({
          code: 'invalid_type',
          message: `${param.name} takes one value, got ${raw.length}`,
          path: [param.name],
          expected: 'a single value',
          received: show(raw),
        });
        continue;
      }
      value = param.integer && /^[+-]?\d{1,15}$/.test(raw[0]!) ? Number(raw[0]) : raw[0];
    }
    if (!param.validate(value)) {
      const error = pickError(param.validate.errors ?? []);
      const keyword = error?.keyword ?? 'type';
      problems.push({
        code: CODES[keyword] ?? 'invalid_value',
        message: `${param.name} ${error?.message ?? 'is invalid'}`.slice(0, 1024),
        path: [param.name],
        received: show(value),
      });
      continue;
    }
    if (param.in === 'query') values[param.name] = value;
  }
  if (values.after !== undefined && values.before !== undefined)
    problems.push({ code: 'conflict', message: 'Cannot use both after and before cursors', path: ['before'] });
  if (typeof values.cursor === 'string' && !decodesAsCursor(values.cursor))
    problems.push({ code: 'invalid_cursor', message: 'Invalid cursor format', path: ['cursor'], received: show(values.cursor) });
  return { problems, values };
}

function pickError(errors: ErrorObject[]): ErrorObject | undefined {
  return errors.find((e) => e.keyword === 'enum') ?? errors.find((e) => CODES[e.keyword]) ?? errors[0];
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** `cur_` + base62 of the JSON `["after"|"before", id]`. */
function decodesAsCursor(token: string): boolean {
  if (!/^cur_[A-Za-z0-9]{1,700}$/.test(token)) return false;
  let n = 0n;
  for (const ch of token.slice(4)) n = n * 62n + BigInt(BASE62.indexOf(ch));
  let hex = n.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  try {
    const value: unknown = JSON.parse(Buffer.from(hex, 'hex').toString('utf8'));
    return (
      Array.isArray(value) &&
      value.length === 2 &&
      (value[0] === 'after' || value[0] === 'before') &&
      typeof value[1] === 'string' &&
      value[1] !== ''
    );
  } catch {
    return false;
  }
}
