// oneOf/anyOf alternatives of two schemas. A plain schema turning into a union (or back) is
// compared as a union of one, so a value that merely gained alternatives keeps its old branch.
import type { RuleId } from '../rules/index.js';
import type { SchemaDiffContext } from './context.js';
import type { DiffSchema } from './diff.js';
import { normLabel, type Norm, type Variant } from './normalize.js';

const anonymous = (variant: Variant) => !variant.ref && variant.label.startsWith('#');

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

/** Compares the alternatives of `old` and `next`; recurses into matched pairs through `diffSchema`. */
export function diffVariants(ctx: SchemaDiffContext, old: Norm, next: Norm, pointer: string, path: string, diffSchema: DiffSchema): void {
  if (!old.variants && !next.variants) return;
  const request = ctx.dir === 'request';
  const before = asUnion(old);
  const after = asUnion(next);
  const keyword = next.raw.oneOf ? 'oneOf' : next.raw.anyOf ? 'anyOf' : undefined;
  const at = (index: number) => (keyword && next.variants ? `${pointer}/${keyword}/${index}` : pointer);
  const emit = (rule: RuleId, where: string, source: string, from: string, to: string) =>
    ctx.emit({ rule, pointer: where, source, path, before: from, after: to });
  const unmatched = [...after.keys()];
  before.forEach((variant, index) => {
    // Match by component name or label; inline alternatives of equal-length unions also by position.
    const byLabel = unmatched.find((candidate) => after[candidate]!.label === variant.label);
    const other = after[index];
    const byPosition =
      before.length === after.length && other && anonymous(variant) && anonymous(other) && unmatched.includes(index) ? index : undefined;
    const match = byLabel ?? byPosition;
    if (match === undefined) {
      const oldAt = old.variants && old.raw.oneOf ? `${pointer}/oneOf/${index}` : old.variants ? `${pointer}/anyOf/${index}` : pointer;
      emit(request ? 'request-variant-removed' : 'response-variant-removed', oldAt, variant.source, variant.label, '(removed)');
      return;
    }
    unmatched.splice(unmatched.indexOf(match), 1);
    const counterpart = after[match]!;
    // A union of one compared with itself would loop: only descend into real alternatives.
    if (variant.source === old.source && counterpart.source === next.source) return;
    diffSchema(ctx, variant.schema, counterpart.schema, at(match), { before: variant.source, after: counterpart.source }, path);
  });
  for (const index of unmatched)
    emit(request ? 'request-variant-added' : 'response-variant-added', at(index), after[index]!.source, '(absent)', after[index]!.label);
}
