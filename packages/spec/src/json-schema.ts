// The JSON Schema 2020-12 keywords (the dialect of OpenAPI 3.1), typed. A schema is parsed JSON: keywords
// this type does not name (other vocabularies, annotations, `x-` extensions) are read as `unknown`.

/** The primitive types of JSON Schema's `type` keyword. */
export type JsonSchemaTypeName = 'null' | 'boolean' | 'object' | 'array' | 'number' | 'integer' | 'string';

/** A subschema: 2020-12 lets `true` (anything) and `false` (nothing) stand for a schema wherever one goes. */
export type JsonSchemaOrBoolean = JsonSchema | boolean;

/** The OpenAPI 3.1 `discriminator` keyword: which property names the variant, and its values' targets. */
export interface DiscriminatorObject {
  propertyName: string;
  mapping?: Record<string, string>;
  [extension: `x-${string}`]: unknown;
}

/** A JSON Schema (2020-12): core, applicator, validation, format, content and meta-data keywords, and OpenAPI's. */
export interface JsonSchema {
  // Core
  $schema?: string;
  $id?: string;
  $ref?: string;
  $anchor?: string;
  $dynamicRef?: string;
  $dynamicAnchor?: string;
  $vocabulary?: Record<string, boolean>;
  $comment?: string;
  $defs?: Record<string, JsonSchemaOrBoolean>;
  // Applicators
  allOf?: JsonSchemaOrBoolean[];
  anyOf?: JsonSchemaOrBoolean[];
  oneOf?: JsonSchemaOrBoolean[];
  not?: JsonSchemaOrBoolean;
  if?: JsonSchemaOrBoolean;
  then?: JsonSchemaOrBoolean;
  else?: JsonSchemaOrBoolean;
  dependentSchemas?: Record<string, JsonSchemaOrBoolean>;
  prefixItems?: JsonSchemaOrBoolean[];
  items?: JsonSchemaOrBoolean;
  contains?: JsonSchemaOrBoolean;
  properties?: Record<string, JsonSchemaOrBoolean>;
  patternProperties?: Record<string, JsonSchemaOrBoolean>;
  additionalProperties?: JsonSchemaOrBoolean;
  propertyNames?: JsonSchemaOrBoolean;
  unevaluatedItems?: JsonSchemaOrBoolean;
  unevaluatedProperties?: JsonSchemaOrBoolean;
  // Validation
  type?: JsonSchemaTypeName | JsonSchemaTypeName[];
  enum?: unknown[];
  const?: unknown;
  multipleOf?: number;
  maximum?: number;
  exclusiveMaximum?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  maxLength?: number;
  minLength?: number;
  pattern?: string;
  maxItems?: number;
  minItems?: number;
  uniqueItems?: boolean;
  maxContains?: number;
  minContains?: number;
  maxProperties?: number;
  minProperties?: number;
  required?: string[];
  dependentRequired?: Record<string, string[]>;
  // Format and content
  format?: string;
  contentEncoding?: string;
  contentMediaType?: string;
  contentSchema?: JsonSchemaOrBoolean;
  // Meta-data
  title?: string;
  description?: string;
  default?: unknown;
  deprecated?: boolean;
  readOnly?: boolean;
  writeOnly?: boolean;
  examples?: unknown[];
  // OpenAPI 3.1's vocabulary
  discriminator?: DiscriminatorObject;
  xml?: { name?: string; namespace?: string; prefix?: string; attribute?: boolean; wrapped?: boolean };
  externalDocs?: { url: string; description?: string };
  /** Deprecated by OpenAPI 3.1 in favour of `examples`, still read by tools. */
  example?: unknown;
  /** Any other keyword: its value is JSON of no known shape. */
  [keyword: string]: unknown;
}

/** Whether a subschema is an object schema (not the boolean `true`/`false` forms, not a non-schema value). */
export function isSchemaObject(node: unknown): node is JsonSchema {
  return typeof node === 'object' && node !== null && !Array.isArray(node);
}
