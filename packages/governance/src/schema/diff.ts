// Compares two schemas in a direction: a request schema must accept everything it accepted before;
// a response schema must only produce what an old client already understands.
import { isDeepStrictEqual } from 'node:util';
import { deprecationChange } from '../deprecation.js';
import type { MaybeRef, Schema } from '../openapi.js';
import type { RuleId } from '../rules/index.js';
import { excerpts, show, type SchemaDiffContext } from './context.js';
import { defaultChange, enumChanges, limitChanges, typeChange, type KeywordChange } from './keywords.js';
import { normalize, normLabel, type Norm } from './normalize.js';
import { diffProperties } from './properties.js';
import { diffVariants } from './variants.js';

export { type Direction, type SchemaChange, type SchemaDiffContext } from './context.js';

/**
 * Compares the schema `before` with `after` (either may be undefined: no schema, anything goes) and
 * reports through `ctx.emit`. `path` is where the value sits, in words (`items[].code`).
 */
export function diffSchema(
  ctx: SchemaDiffContext,
  before: MaybeRef<Schema> | undefined,
  after: MaybeRef<Schema> | undefined,
  pointer: string,
  sources: { before: string; after: string },
  path: string,
): void {
  if (before === undefined && after === undefined) return;
  const old = normalize(ctx.before, before, sources.before);
  const next = normalize(ctx.after, after, sources.after);
  const seen = (ctx.seen ??= new Set());
  const pair = `${old.source}|${next.source}`;
  if (seen.has(pair)) return;
  seen.add(pair);
  compare(ctx, old, next, pointer, path);
}

function compare(ctx: SchemaDiffContext, old: Norm, next: Norm, pointer: string, path: string): void {
  const request = ctx.dir === 'request';
  // The definition to edit: the after side's schema, when it lives elsewhere than the pointer.
  const defined = next.source !== pointer ? next.source : undefined;
  const emit = (rule: RuleId, before: unknown, after: unknown, keyword?: string) =>
    ctx.emit({
      rule,
      pointer: keyword ? `${pointer}/${keyword}` : pointer,
      ...(defined ? { source: keyword ? `${defined}/${keyword}` : defined } : {}),
      path,
      before: show(before),
      after: show(after),
    });
  const emitKeyword = (change: KeywordChange | undefined) => change && emit(change.rule, change.before, change.after, change.keyword);
  const [rb, ra] = [old.raw, next.raw];

  // A plain schema against a union: diffVariants compares it with its matching alternative.
  const oneSidedUnion = Boolean(old.variants) !== Boolean(next.variants);
  emitKeyword(typeChange(old, next, ctx.dir, ctx.textual));
  if (old.nullable !== next.nullable) {
    const rule: RuleId = request
      ? next.nullable
        ? 'request-nullable-added'
        : 'request-nullable-removed'
      : next.nullable
        ? 'response-nullable-added'
        : 'response-nullable-removed';
    emit(rule, normLabel(old), normLabel(next), 'type');
  }
  if (!oneSidedUnion) {
    enumChanges(old, next, ctx.dir).forEach(emitKeyword);
    limitChanges(rb, ra, ctx.dir).forEach(emitKeyword);
    emitKeyword(defaultChange(rb, ra, ctx.dir, ctx.omittable));
  }
  const deprecation = deprecationChange(rb, ra, 'property');
  if (deprecation) emit(deprecation.rule, deprecation.before, deprecation.after, deprecation.keyword);
  if ((rb.description ?? '') !== (ra.description ?? '')) {
    const text = excerpts(rb.description, ra.description);
    emit('documentation-changed', text.before, text.after, 'description');
  }
  if (!isDeepStrictEqual(rb.discriminator, ra.discriminator))
    emit('discriminator-changed', rb.discriminator, ra.discriminator, 'discriminator');

  if (!oneSidedUnion) compareContents(ctx, old, next, pointer, path);
  diffVariants(ctx, old, next, pointer, path, diffSchema);
}

/** Properties, array items and additionalProperties, each compared in turn. */
function compareContents(ctx: SchemaDiffContext, old: Norm, next: Norm, pointer: string, path: string): void {
  const [rb, ra] = [old.raw, next.raw];
  diffProperties(ctx, old, next, pointer, path, diffSchema);
  if (rb.items !== undefined && ra.items !== undefined)
    diffSchema(ctx, rb.items, ra.items, `${pointer}/items`, { before: `${old.source}/items`, after: `${next.source}/items` }, `${path}[]`);
  const [extraBefore, extraAfter] = [rb.additionalProperties, ra.additionalProperties];
  if (typeof extraBefore === 'object' && typeof extraAfter === 'object')
    diffSchema(
      ctx,
      extraBefore,
      extraAfter,
      `${pointer}/additionalProperties`,
      { before: `${old.source}/additionalProperties`, after: `${next.source}/additionalProperties` },
      `${path}.*`,
    );
}

/** The signature of `diffSchema`, passed to the property and variant walkers (they recurse through it). */
export type DiffSchema = typeof diffSchema;
