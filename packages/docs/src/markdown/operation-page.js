// @ts-check
// One Markdown page per operation, generated from the bundled spec: what it does, its parameters,
// responses and errors (the error codes its examples document), the 200 body's fields, and a curl and a
// TypeScript sample (the same generators as the site's samples).
import { isSchemaObject, resolveRef } from '@session-obs/spec';
import { curlSample, describeOperation, typeScriptSample } from '../samples.js';
import { cell, componentName, resolveSchema, schemaText } from './schema-text.js';

/** @typedef {import('@session-obs/spec').OpenApiDocument} OpenApiDocument */
/** @typedef {import('@session-obs/spec').ApiOperation} ApiOperation */
/** @typedef {import('@session-obs/spec').ResponseObject} ResponseObject */

/**
 * The file of an operation's page, relative to the site root.
 * @param {string} operationId
 * @returns {string}
 */
export const pagePath = (operationId) => `operations/${operationId}.md`;

/**
 * The operation's production server: its own, its Path Item's or the document's first one not marked internal.
 * @param {OpenApiDocument} spec
 * @param {ApiOperation} entry an entry of `listOperations(spec)`
 * @returns {string | undefined}
 */
export function productionServer(spec, entry) {
  const item = resolveRef(spec, spec.paths?.[entry.path], '', { onUnresolvable: 'stop' }).value ?? {};
  const servers = [entry.operation.servers, item.servers, spec.servers].find((list) => Array.isArray(list) && list.length) ?? [];
  return servers.find((server) => server['x-internal'] !== true)?.url;
}

/**
 * @param {OpenApiDocument} spec
 * @param {ApiOperation} entry
 * @returns {string[]}
 */
function parametersSection(spec, entry) {
  if (!entry.parameters.length) return ['## Parameters', '', 'None.'];
  const rows = entry.parameters.map(({ parameter }) => {
    const required = parameter.required || parameter.in === 'path' ? 'yes' : 'no';
    return `| \`${parameter.name}\` | ${parameter.in} | ${cell(schemaText(spec, parameter.schema))} | ${required} | ${cell(parameter.description)} |`;
  });
  return ['## Parameters', '', '| name | in | type | required | description |', '| --- | --- | --- | --- | --- |', ...rows];
}

/**
 * Whether a value is a JSON object (not null, not an array).
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
const isRecord = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The error codes a response's examples document (`code`, or the observability dialect's `type`).
 * @param {OpenApiDocument} spec
 * @param {ResponseObject | undefined} response
 * @returns {string[]}
 */
function documentedCodes(spec, response) {
  const examples = Object.values(response?.content?.['application/json']?.examples ?? {});
  const codes = examples
    .map((example) => resolveRef(spec, example, '', { onUnresolvable: 'stop' }).value?.value)
    // An example's value is JSON of any shape: only an object can carry a code.
    .map((body) => (isRecord(body) ? (body.code ?? body.type) : undefined));
  return [...new Set(codes.filter((code) => typeof code === 'string'))];
}

/**
 * @param {OpenApiDocument} spec
 * @param {ApiOperation} entry
 * @returns {string[]}
 */
function responsesSection(spec, entry) {
  const rows = Object.entries(entry.operation.responses ?? {}).map(([status, raw]) => {
    const response = resolveRef(spec, raw, '', { onUnresolvable: 'stop' }).value;
    const schema = response?.content?.['application/json']?.schema;
    const body = schema ? (componentName(schema) ? `\`${componentName(schema)}\`` : cell(schemaText(spec, schema))) : '—';
    const codes = documentedCodes(spec, response).map((code) => `\`${code}\``);
    return `| \`${status}\` | ${cell(response?.description)} | ${body} | ${codes.join(', ') || '—'} |`;
  });
  return ['## Responses', '', '| status | meaning | body | error codes |', '| --- | --- | --- | --- |', ...rows];
}

/**
 * The fields of the 200 body, or of its items for a list envelope.
 * @param {OpenApiDocument} spec
 * @param {ApiOperation} entry
 * @returns {string[]}
 */
function fieldsSection(spec, entry) {
  const ok = resolveRef(spec, entry.operation.responses?.['200'], '', { onUnresolvable: 'stop' }).value;
  /** @type {unknown} */
  let node = ok?.content?.['application/json']?.schema;
  let schema = resolveSchema(spec, node);
  const items = schema?.properties?.items;
  if (items && schema?.properties?.pagination) {
    node = isSchemaObject(items) ? items.items : undefined;
    schema = resolveSchema(spec, node);
  }
  if (!schema?.properties) return [];
  const required = new Set(schema.required ?? []);
  const rows = Object.entries(schema.properties).map(
    ([name, property]) =>
      `| \`${name}\` | ${cell(schemaText(spec, property, 1))} | ${required.has(name) ? 'yes' : 'no'} | ${cell(resolveSchema(spec, property, true)?.description)} |`,
  );
  const title = componentName(node) ? `\`${componentName(node)}\`` : 'the body';
  return ['', `## Fields of ${title}`, '', '| field | type | always present | description |', '| --- | --- | --- | --- |', ...rows];
}

/**
 * The Markdown page of one operation.
 * @param {OpenApiDocument} spec
 * @param {ApiOperation} entry an entry of `listOperations(spec)`
 * @returns {string}
 */
export function operationPage(spec, entry) {
  const { method, path, operationId, operation } = entry;
  const sample = describeOperation(spec, entry);
  const server = productionServer(spec, entry);
  const facts = [`\`${method.toUpperCase()} ${path}\``, `operationId \`${operationId}\``];
  if (operation.tags?.length) facts.push(`tag ${operation.tags.join(', ')}`);
  if (server) facts.push(`server ${server}`);
  return [
    `# ${operation.summary ?? operationId}`,
    '',
    facts.join(' · '),
    '',
    String(operation.description ?? '').trim(),
    '',
    ...parametersSection(spec, entry),
    '',
    ...responsesSection(spec, entry),
    ...fieldsSection(spec, entry),
    '',
    '## Examples',
    '',
    'curl (set the base URL and token variables it names for production; without them it calls the local mock):',
    '',
    '```sh',
    curlSample(sample).trimEnd(),
    '```',
    '',
    'TypeScript with `@session-obs/client`:',
    '',
    '```ts',
    typeScriptSample(sample).trimEnd(),
    '```',
    '',
  ].join('\n');
}
