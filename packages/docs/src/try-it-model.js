// Derives the Try it console's model from the bundled spec at build time: per operation its path and
// query parameters (types, limits, enums, defaults, examples, one-or-many) and its response schemas,
// plus the component schemas those point into, with annotations dropped so the page carries only
// what the form and the in-page validator use.
import { listOperations, resolveRef } from '@session-obs/spec';
import { HOSTED_MARK } from './hosted-sandbox.js';
import { parameterExample } from './samples.js';

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
const PARAMETER_KEYWORDS = ['enum', 'default', 'minimum', 'maximum', 'minLength', 'maxLength', 'pattern', 'format'];

/** A node with its local `$ref` chain followed. */
const deref = (spec, node) => resolveRef(spec, node).value;

/** A schema without its annotations (property names are kept whatever they are called). */
export function stripSchema(schema) {
  if (typeof schema !== 'object' || schema === null) return schema;
  const out = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(keyword) || keyword.startsWith('x-')) continue;
    if (SCHEMA_MAPS.has(keyword)) out[keyword] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, stripSchema(sub)]));
    else if (SCHEMA_LISTS.has(keyword)) out[keyword] = value.map(stripSchema);
    else if (SCHEMA_VALUES.has(keyword)) out[keyword] = stripSchema(value);
    else out[keyword] = value;
  }
  return out;
}

/** What the form needs about one parameter: scalar type, limits, enum, default, example, one-or-many. */
function describeParameter(spec, parameter) {
  const schema = deref(spec, parameter.schema) ?? {};
  const types = [].concat(schema.type ?? 'string');
  const many = types.includes('array');
  const item = many ? (deref(spec, schema.items) ?? {}) : {};
  const described = {
    name: parameter.name,
    in: parameter.in,
    required: Boolean(parameter.required),
    many,
    type: types.find((type) => type !== 'array' && type !== 'null') ?? item.type ?? 'string',
  };
  for (const keyword of PARAMETER_KEYWORDS) {
    const value = schema[keyword] ?? item[keyword];
    if (value !== undefined) described[keyword] = value;
  }
  // A one-or-many filter's example is a list: the form prefills its first value.
  const example = [parameterExample(spec, parameter)].flat()[0];
  if (typeof example === 'string' || typeof example === 'number') described.example = example;
  return described;
}

/** The JSON body schema of each declared response status (null when a status declares no JSON body). */
function responseSchemas(spec, operation) {
  return Object.fromEntries(
    Object.entries(operation.responses ?? {}).map(([status, response]) => {
      const schema = deref(spec, response)?.content?.['application/json']?.schema;
      return [status, schema === undefined ? null : stripSchema(schema)];
    }),
  );
}

/**
 * A `servers` list as the console shows it, without the hosted sandbox (the console adds it to every operation).
 * @param {Array<{ url: string, description?: string, [HOSTED_MARK]?: boolean }> | undefined} servers
 */
const serverList = (servers) =>
  (servers ?? []).filter((server) => !server[HOSTED_MARK]).map(({ url, description }) => ({ url, description: description ?? url }));

/**
 * The console's model of a spec: servers, operations (their own servers and credential, parameters, response
 * schemas) and component schemas.
 * @param {import('@session-obs/spec').OpenApiDocument} spec
 * @returns {import('./try-it/model.js').ConsoleModel}
 */
export function consoleModel(spec) {
  const hosted = (spec.servers ?? []).find((server) => /** @type {Record<string, unknown>} */ (server)[HOSTED_MARK]);
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
        servers: serverList(operation.servers ?? deref(spec, spec.paths[path])?.servers ?? spec.servers),
        scheme: Object.keys((operation.security ?? spec.security ?? [])[0] ?? {})[0] ?? '',
        params: parameters
          .map(({ parameter }) => parameter)
          .filter((parameter) => parameter.in === 'path' || parameter.in === 'query')
          .map((parameter) => describeParameter(spec, parameter)),
        responses: responseSchemas(spec, operation),
      })),
    root: { components: { schemas: stripSchema({ properties: spec.components?.schemas ?? {} }).properties } },
  };
}
