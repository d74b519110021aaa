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
/**
 * Keywords that reject a value rather than describe its shape. A later minor version of the API may add
 * enum values or lengthen a field (the spec's versioning allows it), so a response schema keeps none of them.
 */
const VALUE_ASSERTIONS = new Set([
  'enum',
  'const',
  'pattern',
  'format',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minProperties',
  'maxProperties',
  'propertyNames',
]);

const isObject = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Where a conversion is: the `$ref`s followed to get here, and where named components go (`$defs` mode). */
interface Walk {
  chain: readonly string[];
  /** Component name → converted schema; given, component `$ref`s become `#/$defs/<name>` instead of copies. */
  defs?: Map<string, Schema>;
  /** Describe, never reject: value assertions and `additionalProperties: false` dropped, `oneOf` as `anyOf`. */
  lenient?: boolean;
}

/** How {@link toJsonSchemaWithDefs} converts. */
export interface ConvertOptions {
  /**
   * A schema of what a server answers: types, properties and `required` kept, but no enum, pattern,
   * format, length, count or range, no `additionalProperties: false`, and unions as `anyOf` (whose
   * branches may overlap once their enums are gone). A valid answer of a later minor version still fits.
   */
  lenient?: boolean;
}

const COMPONENT = /^#\/components\/schemas\/([^/]+)$/;

/**
 * A JSON Schema equal to `schema` with its `$ref`s (into `spec`) inlined and OpenAPI-only keywords
 * (`discriminator`, `example`, `x-…`) removed. A `$ref` back into its own chain (a recursive schema)
 * becomes `{}`, which accepts anything there.
 */
export function toJsonSchema(spec: unknown, schema: unknown): Schema {
  return convert(spec, schema, { chain: [] });
}

/**
 * Like {@link toJsonSchema}, but each component schema the root refers to is written once under the root's
 * `$defs` and referred to as `#/$defs/<name>`: a much smaller schema when components repeat (and
 * recursive ones stay exact). The root itself is inlined.
 */
export function toJsonSchemaWithDefs(spec: unknown, schema: unknown, options: ConvertOptions = {}): Schema {
  const defs = new Map<string, Schema>();
  const root = isObject(schema) ? resolveRef<Schema>(spec, schema, '', { mergeSiblings: true, onUnresolvable: 'stop' }).value : undefined;
  if (!root || typeof root.$ref === 'string') return {};
  const rootSchema = convertNode(spec, root, { chain: [], defs, lenient: options.lenient });
  return defs.size ? { ...rootSchema, $defs: Object.fromEntries([...defs].sort(([a], [b]) => a.localeCompare(b))) } : rootSchema;
}

function convert(spec: unknown, schema: unknown, walk: Walk): Schema {
  if (schema === true || schema === undefined) return {};
  if (!isObject(schema)) return { not: {} };
  if (typeof schema.$ref !== 'string') return convertNode(spec, schema, walk);
  const ref = schema.$ref;
  const name = COMPONENT.exec(ref)?.[1];
  if (walk.defs && name && isComposite(pointerTarget(spec, ref))) return referToDef(spec, schema, name, { ...walk, defs: walk.defs });
  if (walk.chain.includes(ref)) return {};
  const resolved = resolveRef<Schema>(spec, schema, '', { mergeSiblings: true, onUnresolvable: 'stop' }).value;
  if (!resolved || typeof resolved.$ref === 'string') return {};
  return convertNode(spec, resolved, { ...walk, chain: [...walk.chain, ref] });
}

/** The schema a local `$ref` points at, as written. */
function pointerTarget(spec: unknown, ref: string): Schema | undefined {
  const target = resolveRef<Schema>(spec, { $ref: ref }, '', { onUnresolvable: 'stop' }).value;
  return target && typeof target.$ref !== 'string' ? target : undefined;
}

/** An object or a union: worth one `$defs` entry. Strings and other scalars are smaller inlined than referred to. */
function isComposite(schema: Schema | undefined): boolean {
  return Boolean(schema && (schema.properties || schema.oneOf || schema.anyOf || schema.allOf));
}

/** `$defs` mode: the component converted once into `defs` (a placeholder first, for recursion), and a `$ref` to it. */
function referToDef(spec: unknown, node: Schema, name: string, walk: Walk & { defs: Map<string, Schema> }): Schema {
  const { defs } = walk;
  const fresh: Walk = { chain: [], defs, lenient: walk.lenient };
  if (!defs.has(name)) {
    defs.set(name, {});
    const target = pointerTarget(spec, node.$ref as string);
    defs.set(name, target ? convertNode(spec, target, fresh) : {});
  }
  const { $ref: _ref, ...siblings } = node;
  return { $ref: `#/$defs/${name}`, ...convertNode(spec, siblings, fresh) };
}

/** A schema object's keywords, each converted by kind (one schema, a list, a map of them, or a plain value). */
function convertNode(spec: unknown, node: Schema, walk: Walk): Schema {
  const out: Schema = {};
  for (const [keyword, value] of Object.entries(node)) {
    if (OPENAPI_ONLY.has(keyword) || keyword.startsWith('x-')) continue;
    if (keyword === '$ref') continue;
    if (walk.lenient && (VALUE_ASSERTIONS.has(keyword) || (keyword === 'additionalProperties' && value === false))) continue;
    if (walk.lenient && keyword === 'oneOf' && Array.isArray(value)) out.anyOf = value.map((item) => convert(spec, item, walk));
    else if (ONE_SCHEMA.has(keyword) && (isObject(value) || typeof value === 'boolean')) out[keyword] = convertOne(spec, value, walk);
    else if (SCHEMA_LIST.has(keyword) && Array.isArray(value)) out[keyword] = value.map((item) => convert(spec, item, walk));
    else if (SCHEMA_MAP.has(keyword) && isObject(value))
      out[keyword] = Object.fromEntries(Object.entries(value).map(([name, item]) => [name, convertOne(spec, item, walk)]));
    else out[keyword] = value;
  }
  return out;
}

/** A boolean schema stays as it is; an object schema is converted. */
function convertOne(spec: unknown, value: unknown, walk: Walk): unknown {
  return typeof value === 'boolean' ? value : convert(spec, value, walk);
}
