// Loading a bundled OpenAPI document and walking it: JSON pointers, local `$ref`s, operations.
// The one place governance defines these helpers (to be replaced by `@session-obs/spec`'s).
import { readFileSync } from 'node:fs';
import { pointerEscape, pointerGet } from '@session-obs/spec/pointer';
import { GovernanceError } from './errors.js';
import { isObject, type Document, type MaybeRef, type Operation as OperationObject, type Parameter, type PathItem } from './openapi.js';

export type { Document as Spec } from './openapi.js';

export const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;
export type Method = (typeof METHODS)[number];

/** Reads and parses a bundled spec (JSON); a missing or unreadable file is a `GovernanceError`. */
export function readSpec(path: string): Document {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new GovernanceError('spec_missing', `no OpenAPI bundle at ${path}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new GovernanceError('spec_invalid', `${path} is not JSON: ${(error as Error).message}`);
  }
  if (!isObject(parsed) || (typeof parsed.openapi !== 'string' && typeof parsed.swagger !== 'string'))
    throw new GovernanceError('spec_invalid', `${path} is not an OpenAPI document (no "openapi" field)`);
  return parsed;
}

/** JSON Pointer escaping of one segment (`/` → `~1`, `~` → `~0`). */
export const esc: (segment: string | number) => string = pointerEscape;

/** Joins a pointer and further segments, escaping each segment. */
export function ptr(base: string, ...segments: Array<string | number>): string {
  return segments.reduce<string>((joined, segment) => `${joined}/${esc(segment)}`, base);
}

/** Value at a local pointer (`#/a/b` or `/a/b`), or undefined. */
export function at(spec: Document, pointer: string): unknown {
  return pointerGet(spec, pointer) as unknown;
}

/** A node with its `$ref` chain followed: the value, where it lives, and the last ref's name. */
export interface Resolved<T> {
  node: T | undefined;
  /** Pointer of the definition in the bundle (the `$ref` target, or where the node was found). */
  source: string;
  /** `$ref` followed last (e.g. `#/components/schemas/SessionError`), if any. */
  ref?: string;
}

const isRef = (value: unknown): value is { $ref: string } & Record<string, unknown> =>
  isObject(value) && typeof value.$ref === 'string' && value.$ref.startsWith('#/');

/**
 * Follows local `$ref`s. Keywords written beside a `$ref` (allowed in OpenAPI 3.1, e.g. a
 * property's own `description`) are laid over the target, as Redoc and openapi-typescript do.
 */
export function resolve<T>(spec: Document, node: MaybeRef<T> | undefined, source: string): Resolved<T> {
  let current: unknown = node;
  let where = source;
  let ref: string | undefined;
  const seen = new Set<string>();
  while (isRef(current)) {
    if (seen.has(current.$ref)) break;
    seen.add(current.$ref);
    const { $ref, ...siblings } = current;
    ref = $ref;
    where = $ref.slice(1);
    const target = at(spec, $ref);
    current = Object.keys(siblings).length && isObject(target) ? { ...target, ...siblings } : target;
  }
  return { node: current as T | undefined, source: where, ...(ref ? { ref } : {}) };
}

/** One operation of a spec. */
export interface Operation {
  method: Method;
  path: string;
  /** `GET /sessions/{}/errors`: path parameters' names erased, so a renamed one still matches. */
  key: string;
  operationId: string;
  operation: OperationObject;
  /** Path Item parameters, which apply to every operation of the path. */
  pathParameters: Array<MaybeRef<Parameter>>;
  pointer: string;
}

/** Every operation of the spec, keyed by method and templated path. */
export function operations(spec: Document): Map<string, Operation> {
  const out = new Map<string, Operation>();
  for (const [path, rawItem] of Object.entries(spec.paths ?? {})) {
    const item = resolve<PathItem>(spec, rawItem, ptr('', 'paths', path)).node ?? {};
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
