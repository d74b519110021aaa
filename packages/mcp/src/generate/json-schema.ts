// OpenAPI schemas → self-contained JSON Schemas for MCP: every local `$ref` inlined (an MCP client gets
// a tool's schema alone, without the spec's components) and OpenAPI-only keywords dropped.
import { resolveRef } from '@session-obs/spec/pointer';

type Schema = Record<string, unknown>;

/** OpenAPI's additions to JSON Schema: annotations no JSON Schema validator knows. */
const OPENAPI_ONLY = new Set(['discriminator', 'xml', 'externalDocs', 'example', 'deprecated']);
/** Keywords whose value is one schema. */
const ONE_SCHEMA = new Set([
  'items',
  'additionalProperties',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'unevaluatedProperties',
]);
/** Keywords whose value is a list of schemas. */
const SCHEMA_LIST = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
/** Keywords whose value maps names to schemas. */
const SCHEMA_MAP = new Set(['properties', 'patternProperties', '$defs', 'dependentSchemas']);

const isObject = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A JSON Schema equal to `schema` with its `$ref`s (into `spec`) inlined and OpenAPI-only keywords
 * (`discriminator`, `example`, `x-…`) removed. A `$ref` back into its own chain (a recursive schema)
 * becomes `{}`, which accepts anything there.
 */
export function toJsonSchema(spec: unknown, schema: unknown, seen: readonly string[] = []): Schema {
  if (schema === true || schema === undefined) return {};
  if (!isObject(schema)) return { not: {} };
  let node: Schema = schema;
  const chain = [...seen];
  if (typeof node.$ref === 'string') {
    if (chain.includes(node.$ref)) return {};
    chain.push(node.$ref);
    const resolved = resolveRef<Schema>(spec, node, '', { mergeSiblings: true, onUnresolvable: 'stop' }).value;
    if (!resolved || typeof resolved.$ref === 'string') return {};
    node = resolved;
  }
  const out: Schema = {};
  for (const [keyword, value] of Object.entries(node)) {
    if (OPENAPI_ONLY.has(keyword) || keyword.startsWith('x-') || keyword === '$ref') continue;
    if (ONE_SCHEMA.has(keyword) && (isObject(value) || typeof value === 'boolean')) out[keyword] = convertOne(spec, value, chain);
    else if (SCHEMA_LIST.has(keyword) && Array.isArray(value)) out[keyword] = value.map((item) => toJsonSchema(spec, item, chain));
    else if (SCHEMA_MAP.has(keyword) && isObject(value))
      out[keyword] = Object.fromEntries(Object.entries(value).map(([name, item]) => [name, convertOne(spec, item, chain)]));
    else out[keyword] = value;
  }
  return out;
}

/** A boolean schema stays as it is; an object schema is converted. */
function convertOne(spec: unknown, value: unknown, chain: readonly string[]): unknown {
  return typeof value === 'boolean' ? value : toJsonSchema(spec, value, chain);
}
