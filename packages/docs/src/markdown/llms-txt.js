// @ts-check
// llms.txt (https://llmstxt.org): what the API is and one line and link per operation; llms-full.txt:
// the API's overview and every operation page in one file, for a model to read at once.
import { listOperations, operationUpstreams } from '@session-obs/spec';
import { HOSTED_MARK } from '../hosted-sandbox.js';
import { operationPage, pagePath } from './operation-page.js';

/** @typedef {import('@session-obs/spec').OpenApiDocument} OpenApiDocument */
/** @typedef {import('@session-obs/spec').ApiOperation} ApiOperation */

/**
 * The first sentence of a text, on one line.
 * @param {unknown} text
 * @returns {string}
 */
function firstSentence(text) {
  const line = String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  const end = line.search(/\.(\s|$)/);
  return end === -1 ? line : line.slice(0, end + 1);
}

/**
 * The operations of the spec that get a page.
 * @param {OpenApiDocument} spec
 * @returns {ApiOperation[]}
 */
export const documentedOperations = (spec) => listOperations(spec);

/**
 * A line on the hosted sandbox the docs were built for (DOCS_SANDBOX_URL, src/hosted-sandbox.js), if any.
 * @param {OpenApiDocument} spec
 * @returns {string[]}
 */
function hostedSandboxLines(spec) {
  const hosted = (spec.servers ?? []).find((server) => server[HOSTED_MARK]);
  if (!hosted) return [];
  return [
    `To try every operation without an account, use the hosted sandbox at ${hosted.url}: \`POST ${hosted.url}/_sandbox/tenants\` (no token) answers \`201\` with a \`token\` for a sandbox of your own.`,
  ];
}

/**
 * Which host and credential each group of operations takes (the spec's servers and security schemes),
 * one line per upstream: a model calling production needs both right.
 * @param {OpenApiDocument} spec
 * @returns {string[]}
 */
function upstreamLines(spec) {
  /** @type {Map<string, { server: string, scheme: string, paths: string[] }>} */
  const groups = new Map();
  for (const { server, scheme, method, path } of operationUpstreams(spec)) {
    const group = groups.get(`${server} ${scheme}`) ?? { server, scheme, paths: [] };
    group.paths.push(`\`${method.toUpperCase()} ${path}\``);
    groups.set(`${server} ${scheme}`, group);
  }
  return [...groups.values()].map(({ server, scheme, paths }) => {
    const definition = /** @type {{ description?: string }} */ (spec.components?.securitySchemes?.[scheme] ?? {});
    const what = paths.length > 3 ? `${paths.length} operations (${paths.slice(0, 2).join(', ')}, …)` : paths.join(', ');
    return `- ${what}: \`${server}\`, credential \`${scheme}\`. ${firstSentence(definition.description)}`;
  });
}

/**
 * llms.txt for `spec`: title, summary, a short orientation, one line per operation, then optional links.
 * @param {OpenApiDocument} spec
 * @returns {string}
 */
export function llmsTxt(spec) {
  const { info } = spec;
  const lines = documentedOperations(spec).map(
    ({ method, path, operationId, operation }) =>
      `- [${operation.summary ?? operationId}](${pagePath(operationId)}): \`${method.toUpperCase()} ${path}\`. ${firstSentence(operation.description)}`,
  );
  return [
    `# ${info.title}`,
    '',
    `> ${String(info.summary ?? firstSentence(info.description)).trim()}`,
    '',
    `Version ${info.version}, described by an OpenAPI ${spec.openapi} document: [openapi.json](openapi.json).`,
    "Every operation is a read (`GET`) that takes `Authorization: Bearer <token>`, on its own API host with that API's token:",
    '',
    ...upstreamLines(spec),
    '',
    'List operations page by id:',
    '`limit` (1 to 100), `after` or `before` an id, `order` `asc` or `desc`; the answer says `has_more_after` and `has_more_before`.',
    'Errors carry a machine-readable `code` (the observability endpoint: `type`) and a `message`.',
    'AI agents can call every operation as an MCP tool: `npx @session-obs/mcp` (package `@session-obs/mcp`).',
    ...hostedSandboxLines(spec),
    '',
    '## Operations',
    '',
    ...lines,
    '',
    '## Optional',
    '',
    '- [llms-full.txt](llms-full.txt): the overview and every operation page in one file',
    '- [API reference](index.html): the interactive reference site',
    '- [Changelog](changelog.html): what changed in each release',
    '',
  ].join('\n');
}

/**
 * llms-full.txt for `spec`: the overview, then every operation page with its headings one level down.
 * @param {OpenApiDocument} spec
 * @returns {string}
 */
export function llmsFullTxt(spec) {
  const pages = documentedOperations(spec).map((entry) => operationPage(spec, entry).replace(/^(#+) /gm, '#$1 '));
  return [`# ${spec.info.title} ${spec.info.version}`, '', String(spec.info.description ?? '').trim(), '', ...pages].join('\n');
}
