// oneOf/anyOf alternatives of two schemas. A plain schema turning into a union (or back) is
// compared as a union of one, so a value that merely gained alternatives keeps its old branch.
// Alternatives are matched by identity (variant-match.ts), never by position alone.
import type { RuleId } from '../rules/index.js';
import type { SchemaDiffContext } from './context.js';
import type { DiffSchema } from './diff.js';
import { normalize, normLabel, type Norm, type Variant } from './normalize.js';
import { mayOverlap } from './overlap.js';
import { matchVariants } from './variant-match.js';

/** The schema itself as the only alternative of a union. */
const asUnion = (norm: Norm): Variant[] =>
  norm.variants ?? [
    {
      schema: norm.raw,
      source: norm.source,
      label: norm.ref?.split('/').pop() ?? normLabel(norm, false),
      ...(norm.ref ? { ref: norm.ref } : {}),
    },
  ];

/** Where alternative `index` of `norm` sits under `pointer` (the schema itself when it is no union). */
function variantPointer(norm: Norm, pointer: string, index: number): string {
  const keyword = norm.raw.oneOf ? 'oneOf' : norm.raw.anyOf ? 'anyOf' : undefined;
  return keyword && norm.variants ? `${pointer}/${keyword}/${index}` : pointer;
}

/**
 * The rule for an alternative added to `next`. In a request `oneOf`, one that may accept a value an
 * alternative kept from the last release accepts makes that value match two: oneOf rejects it.
 */
function addedRule(ctx: SchemaDiffContext, next: Norm, added: Variant, kept: Variant[]): { rule: RuleId; overlaps?: string } {
  if (ctx.dir === 'response') return { rule: 'response-variant-added' };
  if (!next.raw.oneOf) return { rule: 'request-variant-added' };
  const norm = normalize(ctx.after, added.schema, added.source);
  const clash = kept.find((variant) => mayOverlap(norm, normalize(ctx.after, variant.schema, variant.source), ctx.textual));
  return clash ? { rule: 'request-variant-overlaps', overlaps: clash.label } : { rule: 'request-variant-added' };
}

/** Compares the alternatives of `old` and `next`; recurses into matched pairs through `diffSchema`. */
export function diffVariants(ctx: SchemaDiffContext, old: Norm, next: Norm, pointer: string, path: string, diffSchema: DiffSchema): void {
  if (!old.variants && !next.variants) return;
  const before = asUnion(old);
  const after = asUnion(next);
  const emit = (rule: RuleId, where: string, source: string, from: string, to: string) =>
    ctx.emit({ rule, pointer: where, source, path, before: from, after: to });
  const pairs = matchVariants(ctx.before, ctx.after, before, after);
  before.forEach((variant, index) => {
    const match = pairs.get(index);
    if (match === undefined) {
      const rule: RuleId = ctx.dir === 'request' ? 'request-variant-removed' : 'response-variant-removed';
      emit(rule, variantPointer(old, pointer, index), variant.source, variant.label, '(removed)');
      return;
    }
    const counterpart = after[match]!;
    // A union of one compared with itself would loop: only descend into real alternatives.
    if (variant.source === old.source && counterpart.source === next.source) return;
    const sources = { before: variant.source, after: counterpart.source };
    diffSchema(ctx, variant.schema, counterpart.schema, variantPointer(next, pointer, match), sources, path);
  });
  const kept = [...pairs.values()].map((index) => after[index]!);
  after.forEach((variant, index) => {
    if (kept.includes(variant)) return;
    const { rule, overlaps } = addedRule(ctx, next, variant, kept);
    const label = overlaps ? `${variant.label} (may also match ${overlaps})` : variant.label;
    emit(rule, variantPointer(next, pointer, index), variant.source, '(absent)', label);
  });
}
