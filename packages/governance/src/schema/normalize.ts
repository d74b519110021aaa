// Brings a JSON Schema (OpenAPI 3.0 or 3.1) into one comparable shape: refs followed, allOf merged,
// `null` pulled out of type arrays, `nullable` and oneOf/anyOf null branches into one flag.
import { isObject, type Document, type MaybeRef, type Schema } from '../openapi.js';
import { pointerEscape as esc, resolveRef } from '@session-obs/spec/pointer';
import { AS_RENDERED } from '../spec.js';

/** A property of an object schema, with where its definition lives. */
export interface Prop {
  schema: MaybeRef<Schema>;
  source: string;
}

/** One oneOf/anyOf alternative. */
export interface Variant {
  schema: MaybeRef<Schema>;
  source: string;
  label: string;
  ref?: string;
}

/** A schema reduced to what the differ compares. */
export interface Norm {
  /** Allowed JSON types besides null; undefined means any. */
  types?: Set<string>;
  nullable: boolean;
  enum?: unknown[];
  properties: Record<string, Prop>;
  required: Set<string>;
  variants?: Variant[];
  raw: Schema;
  source: string;
  ref?: string;
}

export const UPPER_LIMITS = ['maxLength', 'maximum', 'exclusiveMaximum', 'maxItems', 'maxProperties'] as const;
export const LOWER_LIMITS = ['minLength', 'minimum', 'exclusiveMinimum', 'minItems', 'minProperties'] as const;

const typeList = (schema: Schema): string[] | undefined => (schema.type === undefined ? undefined : [schema.type].flat());

function isNullSchema(schema: Schema | undefined): boolean {
  if (!schema) return false;
  const types = typeList(schema);
  return (
    (types?.length === 1 && types[0] === 'null') ||
    schema.const === null ||
    (Array.isArray(schema.enum) && schema.enum.length === 1 && schema.enum[0] === null)
  );
}

const propertySources = (schema: Schema, source: string): Record<string, string> =>
  Object.fromEntries(Object.keys(schema.properties ?? {}).map((name) => [name, `${source}/properties/${esc(name)}`]));

/** Merges the members of an `allOf` into one schema (strictest limits win, required is the union). */
function mergeAllOf(spec: Document, node: Schema, source: string): { node: Schema; propSources: Record<string, string> } {
  const { allOf = [], ...own } = node;
  const propSources = propertySources(own, source);
  let merged: Schema = { ...own };
  allOf.forEach((member, index) => {
    const resolved = resolveRef<Schema>(spec, member, `${source}/allOf/${index}`, AS_RENDERED);
    const memberNode = resolved.value ?? {};
    const sub = memberNode.allOf
      ? mergeAllOf(spec, memberNode, resolved.pointer)
      : { node: memberNode, propSources: propertySources(memberNode, resolved.pointer) };
    const part = sub.node;
    const properties: Record<string, MaybeRef<Schema>> = { ...(merged.properties ?? {}) };
    for (const [name, schema] of Object.entries(part.properties ?? {})) {
      const existing = properties[name];
      properties[name] = existing ? { allOf: [existing, schema] } : schema;
      propSources[name] ??= sub.propSources[name] ?? `${resolved.pointer}/properties/${esc(name)}`;
    }
    const next: Schema = { ...part, ...merged, properties };
    if (part.required || merged.required) next.required = [...new Set([...(merged.required ?? []), ...(part.required ?? [])])];
    const partTypes = typeList(part);
    const mergedTypes = typeList(merged);
    if (partTypes && mergedTypes) next.type = mergedTypes.filter((type) => partTypes.includes(type));
    for (const key of UPPER_LIMITS) {
      const [a, b] = [part[key], merged[key]];
      if (typeof a === 'number' && typeof b === 'number') next[key] = Math.min(a, b);
    }
    for (const key of LOWER_LIMITS) {
      const [a, b] = [part[key], merged[key]];
      if (typeof a === 'number' && typeof b === 'number') next[key] = Math.max(a, b);
    }
    if (!Object.keys(properties).length) delete next.properties;
    merged = next;
  });
  return { node: merged, propSources };
}

/** Normalizes the schema at `source` (following refs); `raw` may be undefined (no schema: anything). */
export function normalize(spec: Document, raw: MaybeRef<Schema> | undefined, source: string): Norm {
  const resolved = resolveRef<Schema>(spec, raw, source, AS_RENDERED);
  let node: Schema = isObject(resolved.value) ? resolved.value : {};
  let propSources: Record<string, string> = {};
  if (Array.isArray(node.allOf)) ({ node, propSources } = mergeAllOf(spec, node, resolved.pointer));
  let nullable = node.nullable === true;
  let variants: Variant[] | undefined;
  const union = node.oneOf ? 'oneOf' : node.anyOf ? 'anyOf' : undefined;
  if (union) {
    const members = (node[union] ?? []).map((member, index) => ({
      member,
      index,
      resolved: resolveRef<Schema>(spec, member, `${resolved.pointer}/${union}/${index}`, AS_RENDERED),
    }));
    const nonNull = members.filter((entry) => !isNullSchema(entry.resolved.value));
    if (nonNull.length < members.length) nullable = true;
    const only = nonNull[0];
    const hasOwnShape = node.type !== undefined || node.properties !== undefined || node.enum !== undefined;
    if (nonNull.length === 1 && only && !hasOwnShape) {
      // A union left with one branch (`oneOf: [X, {type: null}]`) is compared as that branch.
      const { [union]: _union, ...rest } = node;
      const inner = normalize(spec, only.member, `${resolved.pointer}/${union}/${only.index}`);
      return { ...inner, raw: { ...inner.raw, ...rest }, nullable: nullable || inner.nullable };
    }
    variants = nonNull.map(({ member, resolved: variant, index }) => ({
      schema: member,
      source: variant.pointer,
      ...(variant.ref ? { ref: variant.ref } : {}),
      label: variant.ref?.split('/').pop() ?? variant.value?.title ?? typeLabel(variant.value) ?? `#${index}`,
    }));
  }
  let types: Set<string> | undefined;
  const declared = typeList(node);
  if (declared) {
    if (declared.includes('null')) nullable = true;
    types = new Set(declared.filter((type) => type !== 'null'));
  } else if (node.properties) types = new Set(['object']);
  else if (node.items) types = new Set(['array']);
  let values: unknown[] | undefined = Array.isArray(node.enum) ? node.enum : 'const' in node ? [node.const] : undefined;
  if (values?.includes(null)) {
    nullable = true;
    values = values.filter((value) => value !== null);
  }
  const properties: Record<string, Prop> = {};
  for (const [name, schema] of Object.entries(node.properties ?? {}))
    properties[name] = { schema, source: propSources[name] ?? `${resolved.pointer}/properties/${esc(name)}` };
  return {
    ...(types ? { types } : {}),
    nullable,
    ...(values ? { enum: values } : {}),
    properties,
    required: new Set(node.required ?? []),
    ...(variants ? { variants } : {}),
    raw: node,
    source: resolved.pointer,
    ...(resolved.ref ? { ref: resolved.ref } : {}),
  };
}

/** Short human label of a schema's type: `string`, `string | null`, `array`, `string (uuid)`. */
export function typeLabel(node: Schema | undefined): string | undefined {
  if (!node) return undefined;
  const types = typeList(node) ?? (node.properties ? ['object'] : node.items ? ['array'] : undefined);
  if (!types) return undefined;
  const base = types.join(' | ');
  return node.format ? `${base} (${node.format})` : base;
}

/** Label of a normalized schema, with nullability. */
export function normLabel(norm: Norm, withNull = true): string {
  const types = norm.types ? [...norm.types].join(' | ') : norm.variants ? norm.variants.map((v) => v.label).join(' | ') : 'any';
  const format = norm.raw.format ? ` (${norm.raw.format})` : '';
  return `${types}${format}${withNull && norm.nullable ? ' | null' : ''}`;
}
