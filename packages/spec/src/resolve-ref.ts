// The one `$ref` resolver of the repo: follows a node's chain of local `$ref`s through a bundled
// OpenAPI document and says where the value it ends on lives.
import type { ReferenceObject } from './document.js';
import { pointerGet } from './pointer.js';

/** How {@link resolveRef} treats siblings of a `$ref` and a `$ref` it cannot follow. */
export interface ResolveRefOptions {
  /**
   * Lay keywords written beside a `$ref` over its target (OpenAPI 3.1 allows them, e.g. a property's
   * own `description`), as Redoc and openapi-typescript do. Default: false, the target as it is.
   */
  mergeSiblings?: boolean;
  /**
   * A `$ref` that cannot be followed (not local to the document, or back into the chain: a cycle):
   * `'throw'` (default) throws an Error naming it; `'stop'` ends there and returns the node holding it.
   */
  onUnresolvable?: 'throw' | 'stop';
}

/**
 * A resolved node: `[pointer, value]` (destructure it like a tuple) that also carries `pointer`,
 * `value` and `ref` as named fields, the way a RegExp match carries `index` and `groups`.
 */
export type ResolvedRef<T> = readonly [pointer: string, value: T | undefined] & {
  /** Where the value lives in the document: the last `$ref` target, or the pointer given when there was no `$ref`. */
  readonly pointer: string;
  /** The node with its `$ref` chain followed; undefined when a local `$ref` points at nothing. */
  readonly value: T | undefined;
  /** The `$ref` followed last (e.g. `#/components/schemas/SessionError`); absent when the node had none. */
  readonly ref?: string;
};

const referenceOf = (node: unknown): string | undefined =>
  typeof node === 'object' && node !== null && typeof (node as ReferenceObject).$ref === 'string'
    ? (node as ReferenceObject).$ref
    : undefined;

/**
 * Follows `node`'s chain of local `$ref`s (`#/...`) in `spec`. `pointer` says where `node` itself is
 * (returned unchanged when it is no `$ref`). The value is typed as `node` is written (its `$ref` form
 * left out); name `T` to read a node of unknown type as one (the target is trusted to be a `T`).
 */
export function resolveRef<T = unknown>(
  spec: unknown,
  node: T | ReferenceObject | undefined,
  pointer = '',
  options: ResolveRefOptions = {},
): ResolvedRef<T> {
  let current: unknown = node;
  let at = pointer;
  let ref: string | undefined;
  const followed = new Set<string>();
  for (let next = referenceOf(current); next !== undefined; next = referenceOf(current)) {
    if (!next.startsWith('#/') || followed.has(next)) {
      if (options.onUnresolvable === 'stop') break;
      throw new Error(`cannot follow $ref ${next}${next.startsWith('#/') ? ' (a cycle)' : ' (not local to the document)'}`);
    }
    followed.add(next);
    const { $ref: _ref, ...siblings } = current as ReferenceObject;
    const target: unknown = pointerGet(spec, next);
    ref = next;
    at = next.slice(1);
    current =
      options.mergeSiblings && Object.keys(siblings).length > 0 && typeof target === 'object' && target !== null
        ? { ...target, ...siblings }
        : target;
  }
  const value = current as T | undefined;
  return Object.assign([at, value] as const, ref === undefined ? { pointer: at, value } : { pointer: at, value, ref });
}
