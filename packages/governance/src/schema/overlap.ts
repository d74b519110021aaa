// Whether two schemas can both accept one value. `oneOf` rejects a value that matches two of its
// alternatives, so an input alternative added beside one that may overlap it can turn a valid call
// into an invalid one. Only provable disjointness counts: different JSON types, or enums with no
// value in common; anything else may overlap.
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

/** Whether the type sets of `a` and `b` have a value in common. */
function typesMeet(a: Norm, b: Norm): boolean {
  if (!a.types || !b.types) return true;
  return [...a.types].some((type) => accepts(b.types, type));
}

/** Whether an enum (or const) of one side leaves a value the other side may accept. */
function valuesMeet(a: Norm, b: Norm): boolean {
  if (a.enum && b.enum) return a.enum.some((value) => b.enum!.some((other) => isDeepStrictEqual(value, other)));
  const [list, other] = a.enum ? [a.enum, b] : b.enum ? [b.enum, a] : [undefined, a];
  return !list || list.some((value) => accepts(other.types, jsonType(value)));
}

/** Whether some value may be valid against both `a` and `b` (false only when provably not). */
export function mayOverlap(a: Norm, b: Norm): boolean {
  return typesMeet(a, b) && valuesMeet(a, b);
}
