// What a schema accepts, as a stable key: refs followed, annotations dropped, keys and unordered
// lists sorted. Two schemas with the same key accept the same values, whatever their layout or docs;
// oneOf/anyOf alternatives are matched across releases by it.
import { createHash } from 'node:crypto';
import { resolveRef } from '@session-obs/spec/pointer';
import { isObject, type Document, type MaybeRef, type Schema } from '../openapi.js';
import { AS_RENDERED } from '../spec.js';

/** Keywords that document a value without constraining it. */
const ANNOTATIONS = new Set([
  'description',
  'title',
  'summary',
  'examples',
  'example',
  'default',
  'deprecated',
  'externalDocs',
  '$comment',
  'x-sunset',
  'discriminator',
  'xml',
]);
/** Lists whose order carries no meaning. */
const UNORDERED = new Set(['required', 'type', 'enum']);
/** Keywords whose keys are names (of properties), not keywords: kept whatever they are called. */
const NAME_MAPS = new Set(['properties', 'patternProperties', 'dependentSchemas']);

const byJson = (a: unknown, b: unknown) => JSON.stringify(a).localeCompare(JSON.stringify(b));

/** The canonical form of `node`; a `$ref` already on the way down stays a `$ref` (recursion ends there). */
function canonical(spec: Document, node: unknown, path: ReadonlySet<string>): unknown {
  if (Array.isArray(node)) return node.map((entry) => canonical(spec, entry, path));
  if (!isObject(node)) return node;
  let value: Record<string, unknown> = node;
  let visited = path;
  if (typeof node.$ref === 'string') {
    if (path.has(node.$ref)) return { $ref: node.$ref };
    const resolved = resolveRef<Record<string, unknown>>(spec, node, '', AS_RENDERED);
    if (!isObject(resolved.value)) return { $ref: node.$ref };
    value = resolved.value;
    visited = new Set([...path, node.$ref]);
  }
  const entries = Object.entries(value)
    .filter(([key]) => !ANNOTATIONS.has(key))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, child]) => [key, canonicalKeyword(spec, key, child, visited)] as const);
  return Object.fromEntries(entries);
}

/** One keyword's value in canonical form. */
function canonicalKeyword(spec: Document, key: string, child: unknown, path: ReadonlySet<string>): unknown {
  if (NAME_MAPS.has(key) && isObject(child))
    return Object.fromEntries(
      Object.keys(child)
        .sort()
        .map((name) => [name, canonical(spec, child[name], path)]),
    );
  const form = canonical(spec, child, path);
  return UNORDERED.has(key) && Array.isArray(form) ? (form as unknown[]).slice().sort(byJson) : form;
}

/**
 * What `schema` accepts, as a set of facts (`type=…`, `required=…`, one per property): two
 * alternatives that share most of them are the same alternative, edited.
 */
export function schemaFacets(spec: Document, schema: MaybeRef<Schema> | undefined): Set<string> {
  const form = canonical(spec, schema ?? {}, new Set());
  if (!isObject(form)) return new Set([JSON.stringify(form)]);
  const { properties, ...rest } = form;
  const facets = Object.entries(rest).map(([key, value]) => `${key}=${JSON.stringify(value)}`);
  if (isObject(properties))
    facets.push(...Object.entries(properties).map(([name, value]) => `properties.${name}=${JSON.stringify(value)}`));
  return new Set(facets);
}

/** A stable hash of what `schema` accepts (see the module comment). */
export function schemaKey(spec: Document, schema: MaybeRef<Schema> | undefined): string {
  const text = JSON.stringify(canonical(spec, schema ?? {}, new Set())) ?? '';
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
