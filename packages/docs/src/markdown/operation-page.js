// One Markdown page per operation, generated from the bundled spec: what it does, its parameters,
// responses and errors (the error codes its examples document), the 200 body's fields, and a curl and a
// TypeScript sample (the same generators as the site's samples).
import { resolveRef } from '@session-obs/spec';
import { curlSample, describeOperation, typeScriptSample } from '../samples.js';
import { cell, componentName, schemaText } from './schema-text.js';

/** The file of an operation's page, relative to the site root. */
export const pagePath = (operationId) => `operations/${operationId}.md`;

/** The operation's production server: its own, its Path Item's or the document's first one not marked internal. */
export function productionServer(spec, entry) {
  const item = resolveRef(spec, spec.paths?.[entry.path], '', { onUnresolvable: 'stop' }).value ?? {};
  const servers = [entry.operation.servers, item.servers, spec.servers].find((list) => Array.isArray(list) && list.length) ?? [];
  return servers.find((server) => server['x-internal'] !== true)?.url;
}

function parametersSection(spec, entry) {
  if (!entry.parameters.length) return ['## Parameters', '', 'None.'];
  const rows = entry.parameters.map(({ parameter }) => {
    const required = parameter.required || parameter.in === 'path' ? 'yes' : 'no';
    return `| \`${parameter.name}\` | ${parameter.in} | ${cell(schemaText(spec, parameter.schema))} | ${required} | ${cell(parameter.description)} |`;
  });
  return ['## Parameters', '', '| name | in | type | required | description |', '| --- | --- | --- | --- | --- |', ...rows];
}

/** The error codes a response's examples document (`code`, or the observability dialect's `type`). */
function documentedCodes(spec, response) {
  const examples = Object.values(response?.content?.['application/json']?.examples ?? {});
  const codes = examples
    .map((example) => resolveRef(spec, example, '', { onUnresolvable: 'stop' }).value?.value)
    .map((body) => body?.code ?? body?.type);
  return [...new Set(codes.filter((code) => typeof code === 'string'))];
}

function responsesSection(spec, entry) {
  const rows = Object.entries(entry.operation.responses ?? {}).map(([status, raw]) => {
    const response = resolveRef(spec, raw, '', { onUnresolvable: 'stop' }).value ?? {};
    const schema = response.content?.['application/json']?.schema;
    const body = schema ? (componentName(schema) ? `\`${componentName(schema)}\`` : cell(schemaText(spec, schema))) : '—';
    const codes = documentedCodes(spec, response).map((code) => `\`${code}\``);
    return `| \`${status}\` | ${cell(response.description)} | ${body} | ${codes.join(', ') || '—'} |`;
  });
  return ['## Responses', '', '| status | meaning | body | error codes |', '| --- | --- | --- | --- |', ...rows];
}

/** The fields of the 200 body, or of its items for a list envelope. */
function fieldsSection(spec, entry) {
  const ok = resolveRef(spec, entry.operation.responses?.['200'], '', { onUnresolvable: 'stop' }).value;
  let node = ok?.content?.['application/json']?.schema;
  let schema = resolveRef(spec, node, '', { onUnresolvable: 'stop' }).value;
  if (schema?.properties?.items && schema?.properties?.pagination) {
    node = schema.properties.items.items;
    schema = resolveRef(spec, node, '', { onUnresolvable: 'stop' }).value;
  }
  if (!schema?.properties) return [];
  const required = new Set(schema.required ?? []);
  const rows = Object.entries(schema.properties).map(
    ([name, property]) =>
      `| \`${name}\` | ${cell(schemaText(spec, property, 1))} | ${required.has(name) ? 'yes' : 'no'} | ${cell(resolveRef(spec, property, '', { mergeSiblings: true, onUnresolvable: 'stop' }).value?.description)} |`,
  );
  const title = componentName(node) ? `\`${componentName(node)}\`` : 'the body';
  return ['', `## Fields of ${title}`, '', '| field | type | always present | description |', '| --- | --- | --- | --- |', ...rows];
}

/** The Markdown page of one operation (an entry of `listOperations`). */
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
    'curl (set `BASE_URL` and the token variable it names for production; without them it calls the local mock):',
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
