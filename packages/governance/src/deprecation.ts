// Deprecation and sunset, oasdiff's convention: `deprecated: true` plus an `x-sunset` date
// (RFC 3339 full-date, `YYYY-MM-DD`). A deprecated item may be removed on or after its sunset date;
// removing it earlier, or without a date, breaks the clients that were promised it.
import type { RuleId } from './rules/index.js';

/** What carries a deprecation: operations, parameters, schema properties. */
export type Deprecatable = { deprecated?: boolean; 'x-sunset'?: unknown } | undefined;
export type DeprecatableKind = 'operation' | 'parameter' | 'property';

/** A transition of deprecation state, with what to print before and after. */
export interface DeprecationChange {
  rule: RuleId;
  before: string;
  after: string;
  /** The keyword the change is about (`deprecated` or `x-sunset`), for the pointer. */
  keyword: 'deprecated' | 'x-sunset';
}

type Sunset = { kind: 'none' } | { kind: 'invalid'; text: string } | { kind: 'date'; date: string };

/** Today's date (UTC) as `YYYY-MM-DD`: the day against which sunset dates are judged. */
export function isoDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** Parses `x-sunset`: a `YYYY-MM-DD` date (a date-time is accepted and cut to its date). */
export function parseSunset(value: unknown): Sunset {
  if (value === undefined || value === null) return { kind: 'none' };
  const text = typeof value === 'string' ? value : value instanceof Date ? value.toISOString() : JSON.stringify(value);
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(text);
  if (!match) return { kind: 'invalid', text };
  const date = `${match[1]}-${match[2]}-${match[3]}`;
  // Round-trips only for a real calendar day (rejects 2026-02-30).
  return new Date(`${date}T00:00:00Z`).toISOString().startsWith(date) ? { kind: 'date', date } : { kind: 'invalid', text };
}

/** Human label of a deprecation state: `deprecated, sunset 2027-01-31` / `deprecated, no sunset date`. */
export function deprecationLabel(item: Deprecatable): string {
  if (!item?.deprecated) return 'not deprecated';
  const sunset = parseSunset(item['x-sunset']);
  if (sunset.kind === 'date') return `deprecated, sunset ${sunset.date}`;
  if (sunset.kind === 'invalid') return `deprecated, x-sunset "${sunset.text}" (not a date)`;
  return 'deprecated, no sunset date';
}

const DEPRECATED_RULE: Record<DeprecatableKind, RuleId> = {
  operation: 'operation-deprecated',
  parameter: 'parameter-deprecated',
  property: 'property-deprecated',
};

/** The change, if any, between the deprecation states of an item present on both sides. */
export function deprecationChange(before: Deprecatable, after: Deprecatable, kind: DeprecatableKind): DeprecationChange | undefined {
  const was = Boolean(before?.deprecated);
  const is = Boolean(after?.deprecated);
  const from = deprecationLabel(before);
  const to = deprecationLabel(after);
  if (!is) return was ? { rule: 'deprecation-withdrawn', before: from, after: to, keyword: 'deprecated' } : undefined;
  const old = was ? parseSunset(before?.['x-sunset']) : undefined;
  const next = parseSunset(after?.['x-sunset']);
  const change = (rule: RuleId, keyword: DeprecationChange['keyword'] = 'x-sunset'): DeprecationChange => ({
    rule,
    before: from,
    after: to,
    keyword,
  });
  if (next.kind === 'invalid') return from === to ? undefined : change('sunset-invalid');
  if (!old) return change(next.kind === 'date' ? DEPRECATED_RULE[kind] : 'deprecated-without-sunset', 'deprecated');
  if (next.kind === 'none') return old.kind === 'date' ? change('sunset-removed') : undefined;
  if (old.kind !== 'date') return change(DEPRECATED_RULE[kind]);
  if (next.date < old.date) return change('sunset-moved-earlier');
  return next.date > old.date ? change(DEPRECATED_RULE[kind]) : undefined;
}

const REMOVAL_RULES: Record<'operation' | 'parameter', Record<'plain' | 'before' | 'without' | 'after', RuleId>> = {
  operation: {
    plain: 'operation-removed',
    before: 'operation-removed-before-sunset',
    without: 'operation-removed-without-sunset',
    after: 'operation-removed-after-sunset',
  },
  parameter: {
    plain: 'parameter-removed',
    before: 'parameter-removed-before-sunset',
    without: 'parameter-removed-without-sunset',
    after: 'parameter-removed-after-sunset',
  },
};

/** The rule for removing an operation or parameter, judged by its deprecation and `today`. */
export function removalRule(item: Deprecatable, kind: 'operation' | 'parameter', today: string): RuleId {
  const rules = REMOVAL_RULES[kind];
  if (!item?.deprecated) return rules.plain;
  const sunset = parseSunset(item['x-sunset']);
  if (sunset.kind === 'invalid') return 'sunset-invalid';
  if (sunset.kind === 'none') return rules.without;
  return today < sunset.date ? rules.before : rules.after;
}
