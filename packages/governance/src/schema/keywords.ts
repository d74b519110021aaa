// The keyword-level comparisons of two schemas: type and format, enum, limits, pattern, defaults.
// Each returns the changes it finds; `direction` decides which side of a change is the safe one.
import { isDeepStrictEqual } from 'node:util';
import type { Schema } from '../openapi.js';
import type { RuleId } from '../rules/index.js';
import type { Direction } from './context.js';
import { show } from './context.js';
import { LOWER_LIMITS, normLabel, UPPER_LIMITS, type Norm } from './normalize.js';

/** A keyword change: the rule, the keyword it is about (for the pointer), before and after. */
export interface KeywordChange {
  rule: RuleId;
  keyword: string;
  before: unknown;
  after: unknown;
}

/** Formats whose values are a subset of another's: int32 ⊂ int64, float ⊂ double. */
const WIDER_FORMAT: Record<string, string> = { int32: 'int64', float: 'double' };

const typeAccepts = (set: Set<string> | undefined, type: string) => !set || set.has(type) || (type === 'integer' && set.has('number'));
const typeSubset = (inner: Set<string> | undefined, outer: Set<string> | undefined) =>
  inner ? [...inner].every((type) => typeAccepts(outer, type)) : !outer;
const formatSubset = (inner: string | undefined, outer: string | undefined) =>
  outer === undefined || inner === outer || (inner !== undefined && WIDER_FORMAT[inner] === outer);

/** Type and format: `type-changed` when the change goes against the direction, else `type-compatible`. */
export function typeChange(before: Norm, after: Norm, dir: Direction, textual = false): KeywordChange | undefined {
  // Unions are compared alternative by alternative (variants), not by their missing `type`.
  if ((before.variants || after.variants) && !(before.types && after.types)) return undefined;
  const sameTypes = sameSet(before.types, after.types);
  const [formatBefore, formatAfter] = [before.raw.format, after.raw.format];
  if (sameTypes && formatBefore === formatAfter) return undefined;
  // The "wide" side must contain the "narrow" one: the new input contains the old; the old response the new.
  const [narrow, wide] = dir === 'request' ? [before, after] : [after, before];
  // Text on the wire (a parameter or header): any text, i.e. a plain string, contains every scalar's text form.
  const anyText = textual && wide.raw.format === undefined && sameSet(wide.types, new Set(['string']));
  const compatible = anyText || (typeSubset(narrow.types, wide.types) && formatSubset(narrow.raw.format, wide.raw.format));
  return {
    rule: compatible ? 'type-compatible' : 'type-changed',
    keyword: sameTypes ? 'format' : 'type',
    before: normLabel(before, false),
    after: normLabel(after, false),
  };
}

const sameSet = (a: Set<string> | undefined, b: Set<string> | undefined) =>
  (!a && !b) || (a !== undefined && b !== undefined && a.size === b.size && [...a].every((type) => b.has(type)));

/** Enum and const values (null is nullability, handled apart). */
export function enumChanges(before: Norm, after: Norm, dir: Direction): KeywordChange[] {
  const [old, next] = [before.enum, after.enum];
  if (!old && !next) return [];
  const list = (values?: unknown[]) => (values ? values.map(show).join(', ') : '(any value)');
  const change = (rule: RuleId, from: unknown, to: unknown): KeywordChange => ({ rule, keyword: 'enum', before: from, after: to });
  if (!old || !next) {
    // An enum appearing narrows the set of values; disappearing widens it.
    const narrowed = !old;
    if (dir === 'request') return [change(narrowed ? 'request-enum-value-removed' : 'request-enum-value-added', list(old), list(next))];
    return [change(narrowed ? 'response-enum-value-removed' : 'response-enum-value-added', list(old), list(next))];
  }
  const has = (values: unknown[], value: unknown) => values.some((candidate) => isDeepStrictEqual(candidate, value));
  const removed = old.filter((value) => !has(next, value));
  const added = next.filter((value) => !has(old, value));
  if (dir === 'response' && removed.length === old.length && added.length) return [change('response-enum-replaced', list(old), list(next))];
  return [
    ...removed.map((value) => change(dir === 'request' ? 'request-enum-value-removed' : 'response-enum-value-removed', value, '(removed)')),
    ...added.map((value) => change(dir === 'request' ? 'request-enum-value-added' : 'response-enum-value-added', '(absent)', value)),
  ];
}

const numberAt = (schema: Schema, key: string): number | undefined => {
  const value = schema[key];
  return typeof value === 'number' ? value : undefined;
};
const isMultiple = (value: number, of: number) => Math.abs(value / of - Math.round(value / of)) < 1e-9;
/** A pattern that constrains nothing. */
const MATCHES_ANYTHING = new Set(['', '.*', '^.*$', '^.*', '.*$']);
const patternOf = (schema: Schema) =>
  typeof schema.pattern === 'string' && !MATCHES_ANYTHING.has(schema.pattern) ? schema.pattern : undefined;

/**
 * Limits: numeric bounds, pattern, multipleOf, uniqueItems and (inputs) additionalProperties: false.
 * Each change is "looser" or "tighter"; looser is safe for inputs and breaking for responses.
 */
export function limitChanges(before: Schema, after: Schema, dir: Direction): KeywordChange[] {
  const out: KeywordChange[] = [];
  const report = (keyword: string, looser: boolean, from: unknown = before[keyword], to: unknown = after[keyword]) => {
    const rule: RuleId =
      dir === 'request'
        ? looser
          ? 'request-limit-loosened'
          : 'request-limit-tightened'
        : looser
          ? 'response-limit-widened'
          : 'response-limit-narrowed';
    out.push({ rule, keyword, before: from, after: to });
  };
  for (const key of UPPER_LIMITS) {
    const [old, next] = [numberAt(before, key), numberAt(after, key)];
    if (old !== next) report(key, next === undefined || (old !== undefined && next > old));
  }
  for (const key of LOWER_LIMITS) {
    const [old, next] = [numberAt(before, key), numberAt(after, key)];
    if (old !== next) report(key, next === undefined || (old !== undefined && next < old));
  }
  const [oldPattern, newPattern] = [patternOf(before), patternOf(after)];
  if (oldPattern !== newPattern) {
    if (oldPattern !== undefined && newPattern !== undefined)
      out.push({ rule: 'pattern-changed', keyword: 'pattern', before: oldPattern, after: newPattern });
    else report('pattern', newPattern === undefined, before.pattern, after.pattern);
  }
  const [oldStep, newStep] = [numberAt(before, 'multipleOf'), numberAt(after, 'multipleOf')];
  if (oldStep !== newStep) {
    // Multiples of the old step stay valid when the new one divides it (10 → 5 accepts more).
    if (oldStep === undefined || newStep === undefined) report('multipleOf', newStep === undefined);
    else report('multipleOf', isMultiple(oldStep, newStep));
  }
  if (Boolean(before.uniqueItems) !== Boolean(after.uniqueItems)) report('uniqueItems', !after.uniqueItems);
  if (dir === 'request') {
    const [open, closed] = [before.additionalProperties !== false, after.additionalProperties === false];
    if (open && closed) report('additionalProperties', false, before.additionalProperties ?? true, false);
    else if (!open && !closed) report('additionalProperties', true, false, after.additionalProperties ?? true);
  }
  return out;
}

/** Defaults: for an input that may be omitted they are its behaviour; for a response, documentation. */
export function defaultChange(before: Schema, after: Schema, dir: Direction, omittable: boolean): KeywordChange | undefined {
  const [old, next] = [before.default, after.default];
  if (isDeepStrictEqual(old, next)) return undefined;
  const change = (rule: RuleId): KeywordChange => ({ rule, keyword: 'default', before: old, after: next });
  if (dir === 'response') return change('response-default-changed');
  if (!omittable) return undefined;
  if (old === undefined) return change('request-default-added');
  return change(next === undefined ? 'request-default-removed' : 'request-default-changed');
}
