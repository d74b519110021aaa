// A compact JSON Schema (2020-12) validator for the subset of keywords the spec's response schemas use,
// small enough to ship in the page (ajv would blow the console's byte budget). Unknown keywords are
// ignored, as ajv does with `strict: false`; `discriminator` is ignored too (the spec validator turns
// it off). `test/validate.test.ts` checks it against ajv on every example of the spec and mutations.

/** A schema node: an object of keywords, or `true`/`false`. */
export type Schema = boolean | { [keyword: string]: unknown };
/** One reason a value does not match: where (a JSON pointer into the value) and what. */
export interface SchemaProblem {
  path: string;
  message: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Check = (schema: Record<string, any>, value: Json, path: string, out: SchemaProblem[]) => void;

const kindOf = (value: Json): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);
const isObject = (value: Json): value is { [key: string]: Json } => kindOf(value) === 'object';
const show = (value: unknown): string => JSON.stringify(value);
/** String length in code points, as JSON Schema counts it (ajv's ucs2length). */
const length = (text: string): number => [...text].length;

function equal(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (kindOf(a) !== kindOf(b) || typeof a !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) return a.length === (b as Json[]).length && a.every((item, i) => equal(item, (b as Json[])[i]!));
  const keys = Object.keys(a);
  const other = b as { [key: string]: Json };
  return keys.length === Object.keys(other).length && keys.every((key) => key in other && equal(a[key]!, other[key]!));
}

function hasType(type: string, value: Json): boolean {
  if (type === 'integer') return Number.isInteger(value);
  return kindOf(value) === type;
}

const DATE_TIME = /^(\d{4})-(\d\d)-(\d\d)[t ](\d\d):(\d\d):(\d\d)(\.\d+)?(z|[+-](\d\d)(?::?(\d\d))?)$/i;
/** RFC 3339 date-time with a time zone and real calendar days (ajv-formats' `date-time`, leap seconds aside). */
function isDateTime(text: string): boolean {
  const match = DATE_TIME.exec(text);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return (
    day >= 1 && day <= days && hour <= 23 && minute <= 59 && second <= 59 && Number(match[9] ?? 0) <= 23 && Number(match[10] ?? 0) <= 59
  );
}

const FORMATS: Record<string, (value: Json) => boolean> = {
  'date-time': (value) => typeof value !== 'string' || isDateTime(value),
  uri: (value) => typeof value !== 'string' || (/\/|:/.test(value) && /^[a-z][a-z0-9+.-]*:[^\s]*$/i.test(value)),
  int32: (value) => typeof value !== 'number' || (Number.isInteger(value) && value >= -(2 ** 31) && value <= 2 ** 31 - 1),
  int64: (value) => typeof value !== 'number' || Number.isInteger(value),
};

/** Keywords by the kind of value they constrain; each pushes its problems. */
const CHECKS: Record<string, Check> = {
  type(schema, value, path, out) {
    const types: string[] = [].concat(schema.type);
    if (!types.some((type) => hasType(type, value))) out.push({ path, message: `must be ${types.join(' or ')}, got ${kindOf(value)}` });
  },
  enum(schema, value, path, out) {
    if (!(schema.enum as Json[]).some((option) => equal(option, value)))
      out.push({ path, message: `must be one of ${(schema.enum as Json[]).map(show).join(', ')}, got ${show(value)}` });
  },
  const(schema, value, path, out) {
    if (!equal(schema.const, value)) out.push({ path, message: `must be ${show(schema.const)}` });
  },
  format(schema, value, path, out) {
    const test = FORMATS[schema.format];
    if (test && !test(value)) out.push({ path, message: `must be a valid ${schema.format}, got ${show(value)}` });
  },
  minLength: (schema, value, path, out) => {
    if (typeof value === 'string' && length(value) < schema.minLength)
      out.push({ path, message: `must have at least ${schema.minLength} characters` });
  },
  maxLength: (schema, value, path, out) => {
    if (typeof value === 'string' && length(value) > schema.maxLength)
      out.push({ path, message: `must have at most ${schema.maxLength} characters` });
  },
  pattern: (schema, value, path, out) => {
    if (typeof value === 'string' && !new RegExp(schema.pattern, 'u').test(value))
      out.push({ path, message: `must match ${schema.pattern}` });
  },
  minimum: (schema, value, path, out) => {
    if (typeof value === 'number' && value < schema.minimum) out.push({ path, message: `must be >= ${schema.minimum}` });
  },
  maximum: (schema, value, path, out) => {
    if (typeof value === 'number' && value > schema.maximum) out.push({ path, message: `must be <= ${schema.maximum}` });
  },
  minItems: (schema, value, path, out) => {
    if (Array.isArray(value) && value.length < schema.minItems) out.push({ path, message: `must have at least ${schema.minItems} items` });
  },
  maxItems: (schema, value, path, out) => {
    if (Array.isArray(value) && value.length > schema.maxItems) out.push({ path, message: `must have at most ${schema.maxItems} items` });
  },
  uniqueItems: (schema, value, path, out) => {
    if (schema.uniqueItems && Array.isArray(value) && value.some((item, i) => value.findIndex((other) => equal(other, item)) !== i))
      out.push({ path, message: 'must not contain duplicate items' });
  },
  maxProperties: (schema, value, path, out) => {
    if (isObject(value) && Object.keys(value).length > schema.maxProperties)
      out.push({ path, message: `must have at most ${schema.maxProperties} properties` });
  },
  required: (schema, value, path, out) => {
    if (!isObject(value)) return;
    for (const key of schema.required as string[]) if (!(key in value)) out.push({ path, message: `must have property "${key}"` });
  },
};

/** Validates `value` against `schema`; `$ref`s are JSON pointers into `root` (`#/components/schemas/…`). */
export function validate(schema: Schema, value: unknown, root: unknown): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  const resolve = (ref: string): Schema => {
    const node = ref
      .replace(/^#\/?/, '')
      .split('/')
      .filter(Boolean)
      .reduce<any>((at, key) => at?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], root);
    if (node === undefined) throw new Error(`schema reference ${ref} does not resolve`);
    return node as Schema;
  };

  const visit = (node: Schema, data: Json, path: string, problems: SchemaProblem[]): void => {
    if (node === true) return;
    if (node === false) {
      problems.push({ path, message: 'is not allowed here' });
      return;
    }
    if (typeof node.$ref === 'string') visit(resolve(node.$ref), data, path, problems);
    for (const [keyword, check] of Object.entries(CHECKS)) if (keyword in node) check(node, data, path, problems);
    if (Array.isArray(data) && node.items !== undefined)
      data.forEach((item, i) => visit(node.items as Schema, item, `${path}/${i}`, problems));
    if (isObject(data)) visitObject(node, data, path, problems);
    combine(node, data, path, problems);
  };

  const visitObject = (node: Record<string, any>, data: { [key: string]: Json }, path: string, problems: SchemaProblem[]) => {
    const properties: Record<string, Schema> = node.properties ?? {};
    for (const [key, item] of Object.entries(data)) {
      const at = `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (key in properties) visit(properties[key]!, item, at, problems);
      else if (node.additionalProperties === false) problems.push({ path: at, message: 'is not a property of this object' });
      else if (typeof node.additionalProperties === 'object') visit(node.additionalProperties, item, at, problems);
      if (node.propertyNames !== undefined) visit(node.propertyNames, key, at, problems);
    }
  };

  const combine = (node: Record<string, any>, data: Json, path: string, problems: SchemaProblem[]) => {
    for (const part of (node.allOf ?? []) as Schema[]) visit(part, data, path, problems);
    const passes = (part: Schema) => {
      const found: SchemaProblem[] = [];
      visit(part, data, path, found);
      return found.length === 0;
    };
    if (node.anyOf && !(node.anyOf as Schema[]).some(passes))
      problems.push({ path, message: 'must match one of the allowed shapes (anyOf)' });
    if (node.oneOf) {
      const matches = (node.oneOf as Schema[]).filter(passes).length;
      if (matches !== 1) problems.push({ path, message: `must match exactly one of the allowed shapes (oneOf), matches ${matches}` });
    }
    if (node.not !== undefined && passes(node.not)) problems.push({ path, message: 'must not match the excluded shape (not)' });
  };

  visit(schema, value as Json, '', out);
  return out;
}
