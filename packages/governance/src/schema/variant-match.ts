// Which oneOf/anyOf alternative of the last release is which alternative now. Matched by identity,
// strongest first: the same `$ref` target, then the same structure (what it accepts), then a label
// (title or type) that only one alternative on each side has, then most facts shared (an edited
// alternative keeps most of its own); position decides only for what is left when both sides have
// as many left. An alternative removed from the front therefore no longer shifts the others onto the
// wrong partners.
import type { Document } from '../openapi.js';
import { schemaFacets, schemaKey } from './identity.js';
import type { Variant } from './normalize.js';

/** Pairs of (old index → new index); unpaired old ones were removed, unpaired new ones added. */
export type VariantPairs = Map<number, number>;

const anonymous = (variant: Variant) => !variant.ref && variant.label.startsWith('#');

/** Pairs each still-unpaired old alternative with the first free new one `same` accepts. */
function pairBy(pairs: VariantPairs, free: number[], old: Variant[], same: (oldIndex: number, newIndex: number) => boolean): void {
  old.forEach((_, oldIndex) => {
    if (pairs.has(oldIndex)) return;
    const newIndex = free.find((candidate) => same(oldIndex, candidate));
    if (newIndex === undefined) return;
    pairs.set(oldIndex, newIndex);
    free.splice(free.indexOf(newIndex), 1);
  });
}

/** How many of the still-unpaired alternatives carry `label`. */
const count = (variants: Variant[], indices: number[], label: string) => indices.filter((index) => variants[index]!.label === label).length;

/** Matches the alternatives `old` (in `before`) with `next` (in `after`). */
export function matchVariants(before: Document, after: Document, old: Variant[], next: Variant[]): VariantPairs {
  const pairs: VariantPairs = new Map();
  const free = [...next.keys()];
  pairBy(pairs, free, old, (oldIndex, newIndex) => old[oldIndex]!.ref !== undefined && old[oldIndex]!.ref === next[newIndex]!.ref);
  const oldKeys = old.map((variant) => schemaKey(before, variant.schema));
  const newKeys = next.map((variant) => schemaKey(after, variant.schema));
  pairBy(pairs, free, old, (oldIndex, newIndex) => oldKeys[oldIndex] === newKeys[newIndex]);
  const unpairedOld = () => [...old.keys()].filter((index) => !pairs.has(index));
  pairBy(pairs, free, old, (oldIndex, newIndex) => {
    const label = old[oldIndex]!.label;
    return (
      !anonymous(old[oldIndex]!) &&
      next[newIndex]!.label === label &&
      count(old, unpairedOld(), label) === 1 &&
      count(next, free, label) === 1
    );
  });
  pairBySimilarity(pairs, free, unpairedOld(), similarity(before, after, old, next));
  const rest = unpairedOld();
  if (rest.length === free.length) rest.forEach((oldIndex, position) => pairs.set(oldIndex, free[position]!));
  return pairs;
}

/** How alike old alternative `i` and new alternative `j` are: the share of their facts they have in common. */
function similarity(before: Document, after: Document, old: Variant[], next: Variant[]): (i: number, j: number) => number {
  const oldFacets = old.map((variant) => schemaFacets(before, variant.schema));
  const newFacets = next.map((variant) => schemaFacets(after, variant.schema));
  return (i, j) => {
    const [a, b] = [oldFacets[i]!, newFacets[j]!];
    const shared = [...a].filter((facet) => b.has(facet)).length;
    return shared / (a.size + b.size - shared || 1);
  };
}

/** Pairs the most alike old and new alternatives first, as long as they share more than half their facts. */
function pairBySimilarity(pairs: VariantPairs, free: number[], rest: number[], score: (i: number, j: number) => number): void {
  const candidates = rest
    .flatMap((i) => free.map((j) => ({ i, j, score: score(i, j) })))
    .filter((candidate) => candidate.score > 0.5)
    .sort((a, b) => b.score - a.score);
  for (const { i, j } of candidates) {
    if (pairs.has(i) || !free.includes(j)) continue;
    pairs.set(i, j);
    free.splice(free.indexOf(j), 1);
  }
}
