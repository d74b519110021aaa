// @ts-check
// Derives the Try it console's model from the bundled spec at build time: per operation its path and
// query parameters (types, limits, enums, defaults, examples, one-or-many) and its response schemas,
// plus the component schemas those point into, with annotations dropped so the page carries only
// what the form and the in-page validator use.
import { isSchemaObject, listOperations, resolveRef } from '@session-obs/spec';
import { HOSTED_MARK } from './hosted-sandbox.js';
import { parameterExample } from './samples.js';

/** @typedef {import('@session-obs/spec').OpenApiDocument} OpenApiDocument */
/** @typedef {import('@session-obs/spec').OperationObject} OperationObject */
/** @typedef {import('@session-obs/spec').ParameterObject} ParameterObject */
/** @typedef {import('@session-obs/spec').ReferenceObject} ReferenceObject */
/** @typedef {import('@session-obs/spec').ServerObject} ServerObject */
/** @typedef {import('@session-obs/spec').JsonSchema} JsonSchema */
/** @typedef {import('@session-obs/spec').JsonSchemaOrBoolean} JsonSchemaOrBoolean */
/** @typedef {import('./try-it/model.js').ConsoleModel} ConsoleModel */
/** @typedef {import('./try-it/model.js').ModelParameter} ModelParameter */
/** @typedef {import('./try-it/model.js').ModelServer} ModelServer */
/** @typedef {import('./try-it/validate.js').Schema} Schema */
/** A parameter the form shows: one sent in the path or the query string. */
/** @typedef {ParameterObject & { in: 'path' | 'query' }} FormParameter */
/** The keywords of a parameter's schema the form uses (limits, enum, default, format), with their values' types. */
/** @typedef {Required<Pick<ModelParameter, 'enum' | 'default' | 'minimum' | 'maximum' | 'minLength' | 'maxLength' | 'pattern' | 'format'>>} ParameterKeywords */

/** Keywords that only annotate a schema: the validator never reads them. */
const ANNOTATIONS = new Set([
  'description',
  'title',
  'examples',
  'example',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
  '$comment',
  'discriminator',
  'externalDocs',
  'xml',
]);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const SCHEMA_VALUES = new Set(['items', 'additionalProperties', 'propertyNames', 'not', 'contains', 'if', 'then', 'else']);

const isNumber = (/** @type {unknown} */ value) => typeof value === 'number';
const isString = (/** @type {unknown} */ value) => typeof value === 'string';
/**
 * The parameter keywords the form copies, in the order the model lists them, each with the check its
 * value must pass (the spec is parsed JSON: a value of another type is left out).
 * @type {{ [K in keyof ParameterKeywords]: (value: unknown) => value is ParameterKeywords[K] }}
 */
const PARAMETER_KEYWORDS = {
  enum: (value) => Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number'),
  default: (value) => typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean',
  minimum: isNumber,
  maximum: isNumber,
  minLength: isNumber,
  maxLength: isNumber,
  pattern: isString,
  format: isString,
};

/**
 * A node with its local `$ref` chain followed.
 * @template T
 * @param {OpenApiDocument} spec
 * @param {T | ReferenceObject | undefined} node
 * @returns {T | undefined}
 */
const deref = (spec, node) => resolveRef(spec, node).value;

/**
 * Whether a node is a subschema: a schema object or the boolean forms `true`/`false`.
 * @param {unknown} node
 * @returns {node is JsonSchemaOrBoolean}
 */
const isSubschema = (node) => typeof node === 'boolean' || isSchemaObject(node);

/**
 * Whether parsed JSON is an object (a name → value map), not null or an array.
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
const isRecord = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A record with each value mapped, its keys kept in their order.
 * @template V, W
 * @param {Record<string, V>} record
 * @param {(value: V) => W} map
 * @returns {Record<string, W>}
 */
const mapValues = (record, map) => Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));

/**
 * A node that should hold a subschema, stripped when it is one (anything else is kept as written).
 * @param {unknown} node
 * @returns {unknown}
 */
const stripNode = (node) => (isSubschema(node) ? stripSchema(node) : node);

/**
 * A schema without its annotations (property names are kept whatever they are called).
 * @param {JsonSchemaOrBoolean} schema
 * @returns {Schema}
 */
export function stripSchema(schema) {
  if (typeof schema !== 'object' || schema === null) return schema;
  /** @type {Record<string, unknown>} */
  const out = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(keyword) || keyword.startsWith('x-')) continue;
    if (SCHEMA_MAPS.has(keyword) && isRecord(value)) out[keyword] = mapValues(value, stripNode);
    else if (SCHEMA_LISTS.has(keyword) && Array.isArray(value)) out[keyword] = value.map(stripNode);
    else if (SCHEMA_VALUES.has(keyword)) out[keyword] = stripNode(value);
    else out[keyword] = value;
  }
  return out;
}

/**
 * Copies one keyword's value into a parameter's description when it has the type the model declares.
 * @template {keyof ParameterKeywords} K
 * @param {Partial<ParameterKeywords>} described
 * @param {K} keyword
 * @param {unknown} value
 */
function copyKeyword(described, keyword, value) {
  const fits = PARAMETER_KEYWORDS[keyword];
  if (fits(value)) described[keyword] = value;
}

/**
 * Whether a parameter is one the form shows (sent in the path or the query string).
 * @param {ParameterObject} parameter
 * @returns {parameter is FormParameter}
 */
const isFormParameter = (parameter) => parameter.in === 'path' || parameter.in === 'query';

/**
 * What the form needs about one parameter: scalar type, limits, enum, default, example, one-or-many.
 * @param {OpenApiDocument} spec
 * @param {FormParameter} parameter
 * @returns {ModelParameter}
 */
function describeParameter(spec, parameter) {
  /** @type {JsonSchema} */
  const schema = deref(spec, parameter.schema) ?? {};
  const types = [schema.type ?? 'string'].flat();
  const many = types.includes('array');
  const items = many ? deref(spec, schema.items) : undefined;
  /** @type {JsonSchema} */
  const item = isSchemaObject(items) ? items : {};
  /** @type {ModelParameter} */
  const described = {
    name: parameter.name,
    in: parameter.in,
    required: Boolean(parameter.required),
    many,
    type: types.find((type) => type !== 'array' && type !== 'null') ?? (typeof item.type === 'string' ? item.type : 'string'),
  };
  for (const keyword of /** @type {Array<keyof ParameterKeywords>} */ (Object.keys(PARAMETER_KEYWORDS)))
    copyKeyword(described, keyword, schema[keyword] ?? item[keyword]);
  // A one-or-many filter's example is a list: the form prefills its first value.
  const example = [parameterExample(spec, parameter)].flat()[0];
  if (typeof example === 'string' || typeof example === 'number') described.example = example;
  return described;
}

/**
 * The JSON body schema of each declared response status (null when a status declares no JSON body).
 * @param {OpenApiDocument} spec
 * @param {OperationObject} operation
 * @returns {Record<string, Schema | null>}
 */
function responseSchemas(spec, operation) {
  return mapValues(operation.responses ?? {}, (response) => {
    const schema = deref(spec, response)?.content?.['application/json']?.schema;
    return schema === undefined ? null : stripSchema(schema);
  });
}

/**
 * A `servers` list as the console shows it, without the hosted sandbox (the console adds it to every operation).
 * @param {ServerObject[] | undefined} servers
 * @returns {ModelServer[]}
 */
const serverList = (servers) =>
  (servers ?? []).filter((server) => !server[HOSTED_MARK]).map(({ url, description }) => ({ url, description: description ?? url }));

/**
 * The console's model of a spec: servers, operations (their own servers and credential, parameters, response
 * schemas) and component schemas.
 * @param {OpenApiDocument} spec
 * @returns {ConsoleModel}
 */
export function consoleModel(spec) {
  const hosted = (spec.servers ?? []).find((server) => server[HOSTED_MARK]);
  return {
    servers: serverList(spec.servers),
    // The hosted sandbox of DOCS_SANDBOX_URL (src/hosted-sandbox.js), offered first on every operation.
    ...(hosted ? { hosted: { url: hosted.url, description: hosted.description ?? hosted.url } } : {}),
    operations: listOperations(spec)
      .filter(({ operation }) => operation['x-internal'] !== true)
      .map(({ method, path, operationId, operation, parameters }) => ({
        id: operationId,
        method: method.toUpperCase(),
        path,
        summary: operation.summary ?? operationId,
        servers: serverList(operation.servers ?? deref(spec, spec.paths?.[path])?.servers ?? spec.servers),
        scheme: Object.keys((operation.security ?? spec.security ?? [])[0] ?? {})[0] ?? '',
        params: parameters
          .map(({ parameter }) => parameter)
          .filter(isFormParameter)
          .map((parameter) => describeParameter(spec, parameter)),
        responses: responseSchemas(spec, operation),
      })),
    root: { components: { schemas: mapValues(spec.components?.schemas ?? {}, stripSchema) } },
  };
}
