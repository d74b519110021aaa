// Request parameters from the spec: one compiled JSON Schema validator per path and query parameter of
// every operation, and reading a request's values the way the spec's parameter styles say.
import type { ValidateFunction } from 'ajv';
import type { HttpMethod, JsonSchema, OpenApiDocument } from '../document.js';
import { listOperations } from '../operations.js';
import { resolveRef } from '../resolve-ref.js';
import { createSpecValidator, type SpecValidator } from '../validator.js';
import { errorDialectOf, type ErrorDialect } from './error-dialects.js';
import { problemFromSchemaErrors, showValue, type ParameterProblem } from './problems.js';

/** One path or query parameter of an operation, with its schema compiled. */
export interface CompiledParameter {
  name: string;
  in: 'query' | 'path';
  required: boolean;
  /** The schema accepts an array (one-or-many filters: repeated keys and `key[]=`). */
  acceptsArray: boolean;
  /** The schema takes only a list (`type: array`, form style, exploded): a single `a=x` is a list of one. */
  listOnly: boolean;
  /** The schema is an integer: a numeric string is converted before validation. */
  integer: boolean;
  defaultValue: unknown;
  schema: JsonSchema;
  validate: ValidateFunction;
}

/** One operation of a document, ready to match requests and read their parameters. */
export interface CompiledOperation {
  operationId: string;
  method: HttpMethod;
  /** The templated path of the spec: `/sessions/{session_id}/errors`. */
  path: string;
  /** Matches a raw (still percent-encoded) URL path; one group per path parameter. */
  pattern: RegExp;
  /** The path parameters' names, in template order. */
  pathParams: string[];
  parameters: CompiledParameter[];
  /** The error dialect its error responses are written in. */
  dialect: ErrorDialect;
}

/** A request's parameter values, read and validated. */
export interface ParsedParameters {
  /** Path parameter values, percent-decoded (kept apart from the query: both may have a `session_id`). */
  path: Record<string, string>;
  /** Query parameter values, converted (integers, one-or-many lists), with defaults applied. */
  query: Record<string, unknown>;
  /** One problem per invalid parameter; empty when the request's parameters are valid. */
  problems: ParameterProblem[];
}

/**
 * Compiles the routes and parameter validators of every operation of an OpenAPI document (the
 * effective parameters: Path Item ones merged with the operation's). `validator` must be made over `spec`.
 */
export function compileOperations(spec: OpenApiDocument, validator: SpecValidator = createSpecValidator(spec)): CompiledOperation[] {
  return listOperations(spec).map(({ method, path, operationId, operation, parameters }) => {
    const compiled: CompiledParameter[] = [];
    for (const { parameter, source } of parameters) {
      if (parameter.in !== 'query' && parameter.in !== 'path') continue;
      const [, schema = {}] = resolveRef(spec, parameter.schema, `${source}/schema`);
      const types = ([] as unknown[]).concat(schema.type ?? []);
      compiled.push({
        name: parameter.name,
        in: parameter.in,
        required: Boolean(parameter.required),
        acceptsArray: types.includes('array'),
        listOnly: types.length === 1 && types[0] === 'array',
        integer: types.includes('integer'),
        defaultValue: schema.default,
        schema,
        validate: validator.compile(`${source}/schema`),
      });
    }
    const pathParams: string[] = [];
    const source = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{([^}]+)\\?\}/g, (_, name: string) => {
      pathParams.push(name);
      return '([^/]+)';
    });
    return {
      operationId,
      method,
      path,
      pattern: new RegExp(`^${source}$`),
      pathParams,
      parameters: compiled,
      dialect: errorDialectOf(spec, operation) ?? 'session',
    };
  });
}

/** Percent-decodes one path segment; undefined when it is not valid percent-encoded UTF-8. */
function decodeSegment(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

/** A numeric string as a number when the parameter is an integer (the schema then judges it). */
const asInteger = (param: CompiledParameter, text: string): unknown =>
  param.integer && /^[+-]?\d{1,15}$/.test(text) ? Number(text) : text;

/** The raw values of one parameter, and whether they came as `name[]`. */
function rawValues(param: CompiledParameter, rawPath: Record<string, string>, query: URLSearchParams) {
  if (param.in === 'path') return { raw: rawPath[param.name] !== undefined ? [rawPath[param.name]!] : [], bracketed: false };
  const brackets = query.getAll(`${param.name}[]`);
  return { raw: [...query.getAll(param.name), ...brackets], bracketed: brackets.length > 0 };
}

/**
 * Reads an operation's parameters from the raw path values (as {@link matchRoute} gives them) and the
 * query string, converts them the way the spec's styles say (one-or-many filters: `a=x&a=y` and
 * `a[]=x`; integers), applies defaults, and validates each with its compiled schema. Every invalid
 * parameter gives one problem; a path value that is not valid percent-encoded UTF-8 is one too.
 */
export function parseParameters(operation: CompiledOperation, rawPath: Record<string, string>, query: URLSearchParams): ParsedParameters {
  const parsed: ParsedParameters = { path: {}, query: {}, problems: [] };
  const problem = (param: CompiledParameter, detail: Omit<ParameterProblem, 'in' | 'path'>) =>
    parsed.problems.push({ in: param.in, path: [param.name], ...detail });
  for (const param of operation.parameters) {
    const { raw, bracketed } = rawValues(param, rawPath, query);
    if (raw.length === 0) {
      if (param.required)
        problem(param, { code: 'required', keyword: 'required', message: `${param.name} is required`, expected: 'a value' });
      else if (param.defaultValue !== undefined && param.in === 'query') parsed.query[param.name] = param.defaultValue;
      continue;
    }
    let value: unknown;
    let decoded: string | undefined;
    if (param.in === 'path') {
      decoded = decodeSegment(raw[0]!);
      if (decoded === undefined) {
        problem(param, {
          code: 'invalid_string',
          keyword: 'format',
          message: `${param.name} is not valid percent-encoded UTF-8`,
          expected: 'percent-encoded UTF-8',
          received: showValue(raw[0]),
        });
        continue;
      }
      value = asInteger(param, decoded);
    } else if (param.acceptsArray && (bracketed || raw.length > 1 || param.listOnly)) {
      value = raw;
    } else if (raw.length > 1) {
      problem(param, {
        code: 'invalid_type',
        keyword: 'type',
        message: `${param.name} takes one value, got ${raw.length}`,
        expected: 'a single value',
        received: showValue(raw),
      });
      continue;
    } else {
      value = asInteger(param, raw[0]!);
    }
    if (!param.validate(value)) {
      parsed.problems.push(problemFromSchemaErrors(param.in, param.name, value, param.validate.errors ?? []));
      continue;
    }
    if (decoded !== undefined) parsed.path[param.name] = decoded;
    else parsed.query[param.name] = value;
  }
  return parsed;
}
