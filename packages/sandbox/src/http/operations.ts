// Everything the server knows about the API's operations comes from the bundled spec at start-up:
// routes from its paths, and one compiled JSON Schema validator per parameter.
import {
  createSpecValidator,
  listOperations,
  pointerEscape,
  resolveRef,
  type ErrorObject,
  type SpecValidator,
  type ValidateFunction,
} from '@session-obs/spec';

export interface CompiledParameter {
  name: string;
  in: 'query' | 'path';
  required: boolean;
  /** The schema accepts an array (one-or-many filters: repeated keys and `key[]=`). */
  acceptsArray: boolean;
  /** The schema is an integer: a numeric string is converted before validation. */
  integer: boolean;
  defaultValue: unknown;
  schema: Record<string, unknown>;
  validate: ValidateFunction;
}

export interface CompiledOperation {
  operationId: string;
  method: string;
  path: string;
  pattern: RegExp;
  pathParams: string[];
  parameters: CompiledParameter[];
}

/** One problem with one parameter, in the shape of the spec's `ApiErrorDetail`. */
export interface ParameterProblem {
  code: string;
  message: string;
  path: string[];
  expected?: string;
  received?: string;
  /** The ajv keyword that failed (`required` when the parameter is missing). */
  keyword: string;
}

export interface ParsedParameters {
  /** Query parameter values (path parameters are validated but kept apart: a path `session_id` and a query `session_id` may both exist). */
  values: Record<string, unknown>;
  problems: ParameterProblem[];
}

const CODE_BY_KEYWORD: Record<string, string> = {
  required: 'required',
  type: 'invalid_type',
  enum: 'invalid_enum_value',
  const: 'invalid_enum_value',
  pattern: 'invalid_string',
  format: 'invalid_string',
  minimum: 'too_small',
  exclusiveMinimum: 'too_small',
  minLength: 'too_small',
  minItems: 'too_small',
  maximum: 'too_big',
  exclusiveMaximum: 'too_big',
  maxLength: 'too_big',
  maxItems: 'too_big',
  uniqueItems: 'not_unique',
};
// When a value fails several ways (e.g. each `oneOf` branch), report the most telling one.
const KEYWORD_RANK = [
  'enum',
  'const',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'uniqueItems',
  'type',
];

/** Compiles the routes and parameter validators of every operation of the spec (with `validator`, made over that spec). */
export function compileOperations(spec: any, validator: SpecValidator = createSpecValidator(spec)): CompiledOperation[] {
  return listOperations(spec).map(({ method, path, operationId, operation }) => {
    const base = `/paths/${pointerEscape(path)}`;
    const refs: Array<[unknown, string]> = [
      ...((spec.paths[path].parameters ?? []) as unknown[]).map((p, i): [unknown, string] => [p, `${base}/parameters/${i}`]),
      ...((operation.parameters ?? []) as unknown[]).map((p, i): [unknown, string] => [p, `${base}/${method}/parameters/${i}`]),
    ];
    const byName = new Map<string, CompiledParameter>();
    for (const [ref, pointer] of refs) {
      const [at, param] = resolveRef(spec, ref, pointer);
      if (param.in !== 'query' && param.in !== 'path') continue;
      const [, schema] = resolveRef(spec, param.schema, `${at}/schema`);
      const types = ([] as unknown[]).concat(schema.type ?? []);
      byName.set(`${param.in}:${param.name}`, {
        name: param.name,
        in: param.in,
        required: Boolean(param.required),
        acceptsArray: types.includes('array'),
        integer: types.includes('integer'),
        defaultValue: schema.default,
        schema,
        validate: validator.compile(`${at}/schema`),
      });
    }
    const pathParams: string[] = [];
    const source = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{([^}]+)\\?\}/g, (_, name: string) => {
      pathParams.push(name);
      return '([^/]+)';
    });
    return { operationId, method, path, pattern: new RegExp(`^${source}$`), pathParams, parameters: [...byName.values()] };
  });
}

/** Finds the operation for a method and URL path, with its raw (decoded) path parameters. */
export function matchOperation(
  operations: CompiledOperation[],
  method: string,
  pathname: string,
): { operation: CompiledOperation; pathValues: Record<string, string> } | undefined {
  for (const operation of operations) {
    if (operation.method !== method) continue;
    const match = operation.pattern.exec(pathname);
    if (!match) continue;
    const pathValues: Record<string, string> = {};
    operation.pathParams.forEach((name, i) => {
      const raw = match[i + 1] ?? '';
      try {
        pathValues[name] = decodeURIComponent(raw);
      } catch {
        pathValues[name] = raw;
      }
    });
    return { operation, pathValues };
  }
  return undefined;
}

const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value)).slice(0, 256);

function describeExpected(error: ErrorObject): string | undefined {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'enum':
      return (p.allowedValues as unknown[]).join(' | ').slice(0, 256);
    case 'type':
      return String(p.type);
    case 'pattern':
      return `string matching ${String(p.pattern)}`.slice(0, 256);
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `${String(p.comparison)} ${String(p.limit)}`;
    case 'minLength':
      return `at least ${String(p.limit)} characters`;
    case 'maxLength':
      return `at most ${String(p.limit)} characters`;
    case 'minItems':
      return `at least ${String(p.limit)} values`;
    case 'maxItems':
      return `at most ${String(p.limit)} values`;
    default:
      return undefined;
  }
}

function pickError(errors: ErrorObject[]): ErrorObject | undefined {
  const candidates = errors.filter((e) => CODE_BY_KEYWORD[e.keyword]);
  candidates.sort(
    (a, b) =>
      b.instancePath.length - a.instancePath.length ||
      ((KEYWORD_RANK.indexOf(a.keyword) + 100) % 100) - ((KEYWORD_RANK.indexOf(b.keyword) + 100) % 100),
  );
  return candidates[0] ?? errors[0];
}

/**
 * Reads the operation's parameters from the path and the query string, converts them the way the
 * spec's styles say (one-or-many filters: `a=x&a=y` and `a[]=x`; integers), applies defaults, and
 * validates each with its compiled schema. Every invalid parameter gives one problem.
 */
export function parseParameters(
  operation: CompiledOperation,
  pathValues: Record<string, string>,
  query: URLSearchParams,
): ParsedParameters {
  const values: Record<string, unknown> = {};
  const problems: ParameterProblem[] = [];
  for (const param of operation.parameters) {
    let raw: string[];
    let bracketed = false;
    if (param.in === 'path') {
      raw = pathValues[param.name] !== undefined ? [pathValues[param.name]!] : [];
    } else {
      const plain = query.getAll(param.name);
      const brackets = query.getAll(`${param.name}[]`);
      bracketed = brackets.length > 0;
      raw = [...plain, ...brackets];
    }
    if (raw.length === 0) {
      if (param.required) {
        problems.push({
          code: 'required',
          keyword: 'required',
          message: `${param.name} is required`,
          path: [param.name],
          expected: 'a value',
        });
      } else if (param.defaultValue !== undefined && param.in === 'query') {
        values[param.name] = param.defaultValue;
      }
      continue;
    }
    let value: unknown;
    if (param.acceptsArray && (bracketed || raw.length > 1)) {
      value = raw;
    } else if (raw.length > 1) {
      problems.push({
        code: 'invalid_type',
        keyword: 'type',
        message: `${param.name} takes one value, got ${raw.length}`,
        path: [param.name],
        expected: 'a single value',
        received: show(raw),
      });
      continue;
    } else {
      value = raw[0];
      if (param.integer && /^[+-]?\d{1,15}$/.test(raw[0]!)) value = Number(raw[0]);
    }
    if (!param.validate(value)) {
      const error = pickError(param.validate.errors ?? []);
      const keyword = error?.keyword ?? 'type';
      problems.push({
        code: CODE_BY_KEYWORD[keyword] ?? 'invalid_value',
        keyword,
        message: `${param.name}${error?.instancePath ?? ''} ${error?.message ?? 'is invalid'}`.slice(0, 1024),
        path: [param.name, ...(error?.instancePath ? error.instancePath.split('/').slice(1) : [])].slice(0, 16),
        ...(error && describeExpected(error) ? { expected: describeExpected(error) } : {}),
        received: show(value),
      });
      continue;
    }
    if (param.in === 'query') values[param.name] = value;
  }
  return { values, problems };
}
