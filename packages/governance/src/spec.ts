// Loading a bundled OpenAPI document and walking it: JSON pointers, local `$ref`s, operations.
import { readFileSync } from 'node:fs';
import { pointerEscape, pointerGet } from '@session-obs/spec/pointer';

/** A parsed OpenAPI document (the bundle is plain JSON). */
export type Spec = Record<string, any>;

export const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

/** Reads and parses a bundled spec (JSON). */
export function readSpec(path: string): Spec {
  return JSON.parse(readFileSync(path, 'utf8')) as Spec;
}

/** JSON Pointer escaping of one segment (`/` → `~1`, `~` → `~0`). */
export const esc = pointerEscape;

/** Joins a pointer and further segments, escaping each segment. */
export function ptr(base: string, ...segments: Array<string | number>): string {
  return segments.reduce<string>((p, s) => `${p}/${esc(s)}`, base);
}

/** Value at a local pointer (`#/a/b` or `/a/b`), or undefined. */
export const at: (spec: Spec, pointer: string) => any = pointerGet;

/** A node with its `$ref` chain followed: the value, where it lives, and the last ref's name. */
export interface Resolved {
  node: any;
  /** Pointer of the definition in the bundle (the `$ref` target, or where the node was found). */
  source: string;
  /** `$ref` followed last (e.g. `#/components/schemas/SessionError`), if any. */
  ref?: string;
}

/**
 * Follows local `$ref`s. Keywords written beside a `$ref` (allowed in OpenAPI 3.1, e.g. a
 * property's own `description`) are laid over the target, as Redoc and openapi-typescript do.
 */
export function resolve(spec: Spec, node: any, source: string): Resolved {
  let current = node;
  let where = source;
  let ref: string | undefined;
  const seen = new Set<string>();
  while (current && typeof current === 'object' && typeof current.$ref === 'string' && current.$ref.startsWith('#/')) {
    if (seen.has(current.$ref)) break;
    seen.add(current.$ref);
    const { $ref, ...siblings } = current;
    ref = $ref;
    where = $ref.slice(1);
    const target = at(spec, $ref);
    current = Object.keys(siblings).length && target && typeof target === 'object' ? { ...target, ...siblings } : target;
  }
  return { node: current, source: where, ...(ref ? { ref } : {}) };
}

/** One operation of a spec. */
export interface Operation {
  method: string;
  path: string;
  /** `GET /sessions/{}/errors`: path parameters' names erased, so a renamed one still matches. */
  key: string;
  operationId: string;
  operation: any;
  /** Path Item parameters, which apply to every operation of the path. */
  pathParameters: any[];
  pointer: string;
}

/** Every operation of the spec, keyed by method and templated path. */
export function operations(spec: Spec): Map<string, Operation> {
  const out = new Map<string, Operation>();
  for (const [path, rawItem] of Object.entries<any>(spec.paths ?? {})) {
    const item = resolve(spec, rawItem, ptr('', 'paths', path)).node ?? {};
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const key = `${method.toUpperCase()} ${path.replace(/\{[^}]*\}/g, '{}')}`;
      out.set(key, {
        method,
        path,
        key,
        operationId: operation.operationId ?? `${method.toUpperCase()} ${path}`,
        operation,
        pathParameters: item.parameters ?? [],
        pointer: ptr('', 'paths', path, method),
      });
    }
  }
  return out;
}
