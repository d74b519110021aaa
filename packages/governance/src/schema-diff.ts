// Compares two schemas in a direction: a request schema must accept everything it accepted before;
// a response schema must only produce what an old client already understands.
import { isDeepStrictEqual } from 'node:util';
import type { RuleId } from './rules.js';
import { LIMITS, normalize, normLabel, type Norm } from './schema-normalize.js';
import { esc, type Spec } from './spec.js';

export type Direction = 'request' | 'response';

/** Receives one change: rule, logical pointer, definition pointer, before and after. */
export type Emit = (rule: RuleId, pointer: string, source: string | undefined, before: string, after: string) => void;

export interface SchemaDiffContext {
  before: Spec;
  after: Spec;
  dir: Direction;
  emit: Emit;
  /** Pairs of definitions already compared for this schema root: each is reported once (and recursion stops). */
  seen?: Set<string>;
}

const show = (v: unknown) => (v === undefined ? '(none)' : typeof v === 'string' ? v : JSON.stringify(v));
const ANNOTATIONS = new Set(['description', 'title', 'examples', 'example', 'deprecated', 'externalDocs', '$comment']);

/** A schema without its annotations, refs followed: two of these are equal when a rename kept the shape. */
function shape(spec: Spec, n: Norm, depth = 0): unknown {
  if (depth > 6) return n.ref ?? null;
  const raw = Object.fromEntries(Object.entries(n.raw).filter(([k]) => !ANNOTATIONS.has(k) && k !== 'properties' && k !== 'items'));
  return {
    raw,
    nullable: n.nullable,
    props: Object.fromEntries(
      Object.entries(n.properties).map(([k, p]) => [k, shape(spec, normalize(spec, p.schema, p.source), depth + 1)]),
    ),
    items: n.raw.items ? shape(spec, normalize(spec, n.raw.items, `${n.source}/items`), depth + 1) : undefined,
  };
}

/** Whether type `t` is accepted by a set of types (undefined = any; integer ⊂ number). */
const accepts = (set: Set<string> | undefined, t: string) => !set || set.has(t) || (t === 'integer' && set.has('number'));
const subset = (x: Set<string> | undefined, y: Set<string> | undefined) => (x ? [...x].every((t) => accepts(y, t)) : !y);

/** Compares the schema `b` (before) with `a` (after); reports through `ctx.emit`. */
export function diffSchema(ctx: SchemaDiffContext, b: any, a: any, pointer: string, bSource: string, aSource: string): void {
  if (b === undefined && a === undefined) return;
  const nb = normalize(ctx.before, b, bSource);
  const na = normalize(ctx.after, a, aSource);
  const seen = (ctx.seen ??= new Set());
  const pair = `${nb.source}|${na.source}`;
  if (seen.has(pair)) return;
  seen.add(pair);
  compare(ctx, nb, na, pointer);
}

function compare(ctx: SchemaDiffContext, nb: Norm, na: Norm, p: string): void {
  const req = ctx.dir === 'request';
  const src = na.source !== p ? na.source : undefined;
  const emit = (rule: RuleId, before: unknown, after: unknown, pointer = p, source = src) =>
    ctx.emit(rule, pointer, source, show(before), show(after));
  const rb = nb.raw;
  const ra = na.raw;

  // type (null handled apart as nullability)
  const unions = Boolean(nb.variants || na.variants) && !(nb.types && na.types);
  const sameTypes =
    unions ||
    (!nb.types && !na.types) ||
    (nb.types &&
      na.types &&
      nb.types.size === na.types.size &&
      subset(nb.types, na.types) &&
      subset(na.types, nb.types) &&
      [...nb.types].every((t) => na.types!.has(t)));
  if (!sameTypes) {
    const compatible = req ? subset(nb.types, na.types) : subset(na.types, nb.types);
    emit(
      compatible ? 'type-widened' : 'type-changed',
      normLabel({ ...nb, nullable: false }),
      normLabel({ ...na, nullable: false }),
      `${p}/type`,
    );
  }
  if (!req && !nb.nullable && na.nullable) emit('response-made-nullable', normLabel(nb), normLabel(na), `${p}/type`);
  if (req && nb.nullable && !na.nullable) emit('request-nullable-removed', normLabel(nb), normLabel(na), `${p}/type`);

  if (rb.format !== ra.format) {
    const tighter = req ? ra.format !== undefined : rb.format !== undefined;
    emit(tighter ? 'format-changed' : 'format-relaxed', rb.format, ra.format, `${p}/format`);
  }

  diffEnum(nb, na, req, (rule, before, after) => emit(rule, before, after, `${p}/enum`));
  diffLimits(rb, ra, req, (rule, key, before, after) => emit(rule, before, after, `${p}/${key}`));

  if (req && rb.default !== undefined && ra.default !== undefined && !isDeepStrictEqual(rb.default, ra.default))
    emit('default-changed', rb.default, ra.default, `${p}/default`);
  if (!rb.deprecated && ra.deprecated) emit('property-deprecated', false, true, `${p}/deprecated`);
  if ((rb.description ?? '') !== (ra.description ?? '')) emit('documentation-changed', 'description', 'description', `${p}/description`);

  diffProperties(ctx, nb, na, p);

  if (rb.items !== undefined || ra.items !== undefined) {
    if (rb.items !== undefined && ra.items !== undefined)
      diffSchema(ctx, rb.items, ra.items, `${p}/items`, `${nb.source}/items`, `${na.source}/items`);
  }
  const apB = rb.additionalProperties;
  const apA = ra.additionalProperties;
  if (typeof apB === 'object' && typeof apA === 'object')
    diffSchema(ctx, apB, apA, `${p}/additionalProperties`, `${nb.source}/additionalProperties`, `${na.source}/additionalProperties`);
  else if (req && apB !== false && apA === false) emit('request-limit-tightened', apB ?? true, false, `${p}/additionalProperties`);
  else if (req && apB === false && apA !== false) emit('request-limit-loosened', false, apA ?? true, `${p}/additionalProperties`);

  diffVariants(ctx, nb, na, p);
}

function diffEnum(nb: Norm, na: Norm, req: boolean, emit: (rule: RuleId, before: unknown, after: unknown) => void): void {
  const eb = nb.enum;
  const ea = na.enum;
  if (!eb && !ea) return;
  const list = (e?: unknown[]) => (e ? e.map(show).join(', ') : '(any value)');
  if (!eb || !ea) {
    // An enum appearing narrows the set; disappearing widens it.
    const narrowed = !eb;
    if (req) emit(narrowed ? 'request-enum-value-removed' : 'request-enum-value-added', list(eb), list(ea));
    else if (!narrowed) emit('response-enum-value-added', list(eb), list(ea));
    return;
  }
  const has = (e: unknown[], v: unknown) => e.some((x) => isDeepStrictEqual(x, v));
  for (const v of eb) if (!has(ea, v)) emit(req ? 'request-enum-value-removed' : 'response-enum-value-removed', v, '(removed)');
  for (const v of ea) if (!has(eb, v)) emit(req ? 'request-enum-value-added' : 'response-enum-value-added', '(absent)', v);
}

function diffLimits(rb: any, ra: any, req: boolean, emit: (rule: RuleId, key: string, before: unknown, after: unknown) => void): void {
  const report = (key: string, tighter: boolean) =>
    emit(req ? (tighter ? 'request-limit-tightened' : 'request-limit-loosened') : 'response-limit-changed', key, rb[key], ra[key]);
  for (const key of LIMITS.upper) {
    const b = typeof rb[key] === 'number' ? rb[key] : undefined;
    const a = typeof ra[key] === 'number' ? ra[key] : undefined;
    if (b !== a) report(key, a !== undefined && (b === undefined || a < b));
  }
  for (const key of LIMITS.lower) {
    const b = typeof rb[key] === 'number' ? rb[key] : undefined;
    const a = typeof ra[key] === 'number' ? ra[key] : undefined;
    if (b !== a) report(key, a !== undefined && (b === undefined || a > b));
  }
  for (const key of ['pattern', 'multipleOf'] as const) if (rb[key] !== ra[key]) report(key, ra[key] !== undefined);
  if (Boolean(rb.uniqueItems) !== Boolean(ra.uniqueItems)) report('uniqueItems', Boolean(ra.uniqueItems));
}

function diffProperties(ctx: SchemaDiffContext, nb: Norm, na: Norm, p: string): void {
  const req = ctx.dir === 'request';
  const skip = (prop: { schema: any }, spec: Spec, source: string) => {
    const n = normalize(spec, prop.schema, source).raw;
    return req ? n.readOnly === true : n.writeOnly === true;
  };
  const names = (n: Norm, spec: Spec) => Object.keys(n.properties).filter((k) => !skip(n.properties[k]!, spec, n.properties[k]!.source));
  const before = names(nb, ctx.before);
  const after = names(na, ctx.after);
  const removed = before.filter((k) => !after.includes(k));
  const added = after.filter((k) => !before.includes(k));
  const at = (k: string) => `${p}/properties/${esc(k)}`;
  const label = (n: Norm, k: string, spec: Spec) => normLabel(normalize(spec, n.properties[k]!.schema, n.properties[k]!.source));

  if (!req) {
    // A removed and an added property with the same shape is a rename.
    for (const old of [...removed]) {
      const oldShape = shape(ctx.before, normalize(ctx.before, nb.properties[old]!.schema, nb.properties[old]!.source));
      const twin = added.find((k) =>
        isDeepStrictEqual(shape(ctx.after, normalize(ctx.after, na.properties[k]!.schema, na.properties[k]!.source)), oldShape),
      );
      if (twin === undefined) continue;
      ctx.emit('response-property-renamed', at(old), nb.properties[old]!.source, old, twin);
      removed.splice(removed.indexOf(old), 1);
      added.splice(added.indexOf(twin), 1);
    }
  }
  for (const k of removed)
    ctx.emit(
      req ? 'request-property-removed' : 'response-property-removed',
      at(k),
      nb.properties[k]!.source,
      label(nb, k, ctx.before),
      '(absent)',
    );
  for (const k of added) {
    const rule: RuleId = req
      ? na.required.has(k)
        ? 'request-property-added-required'
        : 'request-property-added-optional'
      : 'response-property-added';
    ctx.emit(rule, at(k), na.properties[k]!.source, '(absent)', label(na, k, ctx.after) + (na.required.has(k) ? ' (required)' : ''));
  }
  for (const k of before.filter((x) => after.includes(x))) {
    const wasReq = nb.required.has(k);
    const isReq = na.required.has(k);
    if (wasReq !== isReq) {
      const rule: RuleId = req
        ? isReq
          ? 'request-property-made-required'
          : 'request-property-made-optional'
        : isReq
          ? 'response-property-made-required'
          : 'response-property-made-optional';
      ctx.emit(rule, at(k), `${na.source}/required`, wasReq ? 'required' : 'optional', isReq ? 'required' : 'optional');
    }
    diffSchema(ctx, nb.properties[k]!.schema, na.properties[k]!.schema, at(k), nb.properties[k]!.source, na.properties[k]!.source);
  }
}

function diffVariants(ctx: SchemaDiffContext, nb: Norm, na: Norm, p: string): void {
  if (!nb.variants && !na.variants) return;
  const req = ctx.dir === 'request';
  const self = (n: Norm) => [{ schema: n.raw, source: n.source, label: normLabel({ ...n, nullable: false }) }];
  // A plain schema turning into a union (or back) is compared as a union of one.
  if (!nb.variants || !na.variants) {
    const vb = nb.variants ?? self(nb);
    const va = na.variants ?? self(na);
    if (va.length > vb.length)
      ctx.emit(
        req ? 'request-variant-added' : 'response-variant-added',
        p,
        na.source,
        vb.map((v) => v.label).join(' | '),
        va.map((v) => v.label).join(' | '),
      );
    else if (va.length < vb.length)
      ctx.emit(
        req ? 'request-variant-removed' : 'response-variant-removed',
        p,
        na.source,
        vb.map((v) => v.label).join(' | '),
        va.map((v) => v.label).join(' | '),
      );
    return;
  }
  const union = na.raw.oneOf ? 'oneOf' : 'anyOf';
  const unmatched = [...na.variants.keys()];
  nb.variants.forEach((v, i) => {
    // Match by component name or label; inline alternatives of equal-length unions also by position.
    const other = na.variants![i];
    const anonymous = (x: { label: string; ref?: string }) => !x.ref && x.label.startsWith('#');
    const byIndex =
      nb.variants!.length === na.variants!.length && other && anonymous(v) && anonymous(other) ? unmatched.find((k) => k === i) : undefined;
    const j = unmatched.find((k) => na.variants![k]!.label === v.label) ?? byIndex;
    if (j === undefined) {
      ctx.emit(req ? 'request-variant-removed' : 'response-variant-removed', `${p}/${union}/${i}`, v.source, v.label, '(removed)');
      return;
    }
    unmatched.splice(unmatched.indexOf(j), 1);
    diffSchema(ctx, v.schema, na.variants![j]!.schema, `${p}/${union}/${j}`, v.source, na.variants![j]!.source);
  });
  for (const j of unmatched)
    ctx.emit(
      req ? 'request-variant-added' : 'response-variant-added',
      `${p}/${union}/${j}`,
      na.variants[j]!.source,
      '(absent)',
      na.variants[j]!.label,
    );
}
