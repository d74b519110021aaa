// Whether two schemas can both accept one value. `oneOf` rejects a value that matches two of its
// alternatives, so an input alternative added beside one that may overlap it can turn a valid call
// into an invalid one. Only provable disjointness counts: different JSON types, or enums with no
// value in common; anything else may overlap. Where values travel as text (parameters), a string
// also meets every other scalar: `5` is valid text and a valid integer.
import { isDeepStrictEqual } from 'node:util';
import type { Norm } from './normalize.js';

/** The JSON type of a literal enum value, as schemas name it. */
function jsonType(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return value === null ? 'null' : typeof value === 'object' ? 'object' : typeof value;
}

/** Whether a value of JSON type `type` may be valid against the set `types` (undefined: any type). */
const accepts = (types: Set<string> | undefined, type: string): boolean =>
  !types || types.has(type) || (type === 'integer' && types.has('number')) || (type === 'number' && types.has('integer'));

const SCALARS = new Set(['string', 'number', 'integer', 'boolean']);

/** Whether the type sets of `a` and `b` have a value in common (as text too, when `textual`). */
function typesMeet(a: Norm, b: Norm, textual: boolean): boolean {
  if (!a.types || !b.types) return true;
  const [typesA, typesB] = [a.types, b.types];
  if ([...typesA].some((type) => accepts(typesB, type))) return true;
  const textMeets = (strings: Set<string>, others: Set<string>) => strings.has('string') && [...others].some((type) => SCALARS.has(type));
  return textual && (textMeets(typesA, typesB) || textMeets(typesB, typesA));
}

/** Whether an enum (or const) of one side leaves a value the other side may accept. */
function valuesMeet(a: Norm, b: Norm): boolean {
  if (a.enum && b.enum) return a.enum.some((value) => b.enum!.some((other) => isDeepStrictEqual(value, other)));
  const [list, other] = a.enum ? [a.enum, b] : b.enum ? [b.enum, a] : [undefined, a];
  return !list || list.some((value) => accepts(other.types, jsonType(value)));
}

/** Whether some value may be valid against both `a` and `b` (false only when provably not); `textual`: values travel as text. */
export function mayOverlap(a: Norm, b: Norm, textual = false): boolean {
  return typesMeet(a, b, textual) && valuesMeet(a, b);
}
