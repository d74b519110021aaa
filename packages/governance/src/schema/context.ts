// What a schema comparison carries: both documents, the direction, and where changes go.
import type { Document } from '../openapi.js';
import type { RuleId } from '../rules/index.js';

/** Inputs must accept everything they did; responses must hold only what old clients understand. */
export type Direction = 'request' | 'response';

/** One change inside a schema, before it becomes a finding. */
export interface SchemaChange {
  rule: RuleId;
  /** JSON pointer through the operation. */
  pointer: string;
  /** Pointer of the definition in the bundle, when it lives elsewhere. */
  source?: string;
  /** Where in the value, in words: `items[].code`, `tag[]` (the caller adds the kind of field). */
  path: string;
  before: string;
  after: string;
}

export interface SchemaDiffContext {
  before: Document;
  after: Document;
  dir: Direction;
  emit: (change: SchemaChange) => void;
  /** Today (`YYYY-MM-DD`), for `x-sunset` dates on properties. */
  today: string;
  /** Whether the input may be omitted, so that its default matters (false for a required parameter). */
  omittable: boolean;
  /** Whether values travel as text (parameters, response headers): a plain string then contains every scalar type. */
  textual?: boolean;
  /** Pairs of definitions already compared for this schema root: each is reported once (and recursion stops). */
  seen?: Set<string>;
}

/** How a value is shown in before → after. */
export function show(value: unknown): string {
  if (value === undefined) return '(none)';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The path of a property below `path`: `items[]` + `code` → `items[].code`. */
export const propertyPath = (path: string, name: string): string => (path ? `${path}.${name}` : name);

const flat = (value: unknown): string | undefined =>
  value === undefined || value === '' ? undefined : (typeof value === 'string' ? value : JSON.stringify(value)).replace(/\s+/g, ' ').trim();

/** Documentation before → after, each cut to the part around the first difference (60 characters at most). */
export function excerpts(old: unknown, next: unknown): { before: string; after: string } {
  const [a, b] = [flat(old), flat(next)];
  let start = 0;
  while (a && b && start < a.length && start < b.length && a[start] === b[start]) start++;
  start = Math.max(0, start - 20);
  const cut = (text: string | undefined) =>
    text === undefined ? '(none)' : `"${start ? '…' : ''}${text.slice(start, start + 57)}${text.length > start + 57 ? '…' : ''}"`;
  return { before: cut(a), after: cut(b) };
}
