// A problem with one value of a request, in the shape of the spec's `ApiErrorDetail`, and how an ajv
// failure becomes one: the keyword → code table, the most telling failure, what was expected.
import type { ErrorObject } from 'ajv';

/** Where a request value was read: a parameter's `in`, or the body. */
export type ProblemLocation = 'path' | 'query' | 'header' | 'body';

/** One problem with one value of a request. */
export interface ParameterProblem {
  /** Where the value was read (the 400's `entity` names it). */
  in: ProblemLocation;
  /** Machine-readable problem code (`required`, `invalid_type`, `too_small`, … or a rule's own, e.g. `conflicting_cursors`). */
  code: string;
  /** Human-readable description of the problem. */
  message: string;
  /** Where the problem is: `[name]` for a parameter, `[name, …]` inside it, `['body', …]` in a body. */
  path: string[];
  /** What was expected, when it can be said briefly. */
  expected?: string;
  /** What was received, when it can be said briefly. */
  received?: string;
  /** The ajv keyword that failed; `required` for a missing value; `custom` for a rule beyond the schema. */
  keyword: string;
}

/** The problem code of each JSON Schema keyword (the codes the spec's `ApiErrorDetail` names). */
export const PROBLEM_CODE_BY_KEYWORD: Readonly<Record<string, string>> = {
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
const rank = (keyword: string) => {
  const index = KEYWORD_RANK.indexOf(keyword);
  return index === -1 ? KEYWORD_RANK.length : index;
};

/** The most characters of a value `received` shows. */
const SHOWN = 256;

/**
 * A value as a short string for `received`: a string as it is, anything else as the start of its JSON,
 * at most 256 characters. Only that start is written (a value of megabytes costs no more than a small
 * one), and recursion stops with it: each level writes a character, so a value nested deeper than any
 * stack still shows its first 256 characters.
 */
export function showValue(value: unknown): string {
  if (typeof value === 'string') return value.slice(0, SHOWN);
  let out = '';
  const full = () => out.length >= SHOWN;
  const write = (item: unknown, inArray: boolean): void => {
    if (full()) return;
    const json = item !== null && typeof item === 'object' && typeof (item as { toJSON?: unknown }).toJSON === 'function';
    const next = json ? (item as { toJSON(): unknown }).toJSON() : item;
    if (typeof next === 'string') {
      // The start of the string is enough: its JSON (quote included) is at least as long.
      out += JSON.stringify(next.slice(0, SHOWN));
    } else if (Array.isArray(next)) {
      out += '[';
      for (let index = 0; index < next.length && !full(); index++) {
        if (index) out += ',';
        write(next[index], true);
      }
      out += ']';
    } else if (next !== null && typeof next === 'object') {
      out += '{';
      let first = true;
      for (const key of Object.keys(next)) {
        if (full()) break;
        const member = (next as Record<string, unknown>)[key];
        if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
        out += `${first ? '' : ','}${JSON.stringify(key.slice(0, SHOWN))}:`;
        first = false;
        write(member, false);
      }
      out += '}';
    } else if (next === undefined || typeof next === 'function' || typeof next === 'symbol') {
      out += inArray ? 'null' : String(next);
    } else {
      out += typeof next === 'bigint' ? String(next) : JSON.stringify(next);
    }
  };
  write(value, false);
  return out.slice(0, SHOWN);
}

/** What the failed keyword expected, briefly, when it can be said. */
function describeExpected(error: ErrorObject): string | undefined {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'enum':
      return (params.allowedValues as unknown[]).join(' | ').slice(0, 256);
    case 'type':
      return String(params.type);
    case 'pattern':
      return `string matching ${String(params.pattern)}`.slice(0, 256);
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `${String(params.comparison)} ${String(params.limit)}`;
    case 'minLength':
      return `at least ${String(params.limit)} characters`;
    case 'maxLength':
      return `at most ${String(params.limit)} characters`;
    case 'minItems':
      return `at least ${String(params.limit)} values`;
    case 'maxItems':
      return `at most ${String(params.limit)} values`;
    default:
      return undefined;
  }
}

/** The deepest, most telling of ajv's errors for one value. */
function pickError(errors: readonly ErrorObject[]): ErrorObject | undefined {
  const known = errors.filter((error) => PROBLEM_CODE_BY_KEYWORD[error.keyword]);
  known.sort((a, b) => b.instancePath.length - a.instancePath.length || rank(a.keyword) - rank(b.keyword));
  return known[0] ?? errors[0];
}

/** The one problem to report for a value named `name` that its schema rejected with `errors`. */
export function problemFromSchemaErrors(
  location: ProblemLocation,
  name: string,
  value: unknown,
  errors: readonly ErrorObject[],
): ParameterProblem {
  const error = pickError(errors);
  const keyword = error?.keyword ?? 'type';
  const expected = error ? describeExpected(error) : undefined;
  return {
    in: location,
    code: PROBLEM_CODE_BY_KEYWORD[keyword] ?? 'invalid_value',
    keyword,
    message: `${name}${error?.instancePath ?? ''} ${error?.message ?? 'is invalid'}`.slice(0, 1024),
    path: [name, ...(error?.instancePath ? error.instancePath.split('/').slice(1) : [])].slice(0, 16),
    ...(expected ? { expected } : {}),
    received: showValue(value),
  };
}
