// @ts-check
// Generates the x-codeSamples of every operation (curl, TypeScript with our client, plain fetch)
// from the bundled spec. Pure functions: the build writes their output, the tests check it.
import { listOperations, operationUpstreams, resolveRef } from '@session-obs/spec';
import { errorDialectOf } from '@session-obs/spec/server';

/** @typedef {import('@session-obs/spec').OpenApiDocument} OpenApiDocument */
/** @typedef {import('@session-obs/spec').ParameterObject} ParameterObject */
/** @typedef {import('@session-obs/spec').ApiOperation} ApiOperation */
/** @typedef {import('@session-obs/spec/server').ErrorDialect} ErrorDialect */
/** A query parameter (or any name/value pair) as a sample writes it: `[name, text]`. */
/** @typedef {[name: string, value: string]} Entry */

/**
 * The facts a sample needs about one operation.
 * @typedef {object} SampleOperation
 * @property {string} method lower case, as `listOperations` gives it
 * @property {string} path the templated path (`/sessions/{session_id}/errors`)
 * @property {string} operationId
 * @property {Array<{ name: string, value: string }>} pathParams each path parameter with its example value, as text
 * @property {Array<{ name: string, value: unknown }>} query each required query parameter with its example value
 * @property {boolean} isList whether the operation returns a keyset-paged list
 * @property {'code' | 'type' | 'unknown'} errorDialect the field an error body names its error by
 * @property {string} server the operation's production server
 * @property {string} scheme its security scheme
 * @property {string} credential the client option holding its credential (`metorial`, `devrev`)
 * @property {string} tokenVariable the environment variable the samples read that credential from
 * @property {string} baseUrlVariable the environment variable the samples read its server from (`DEVREV_BASE_URL`)
 */

/** Where the samples send requests unless the operation's base URL variable is set: the local Prism mock (`pnpm mock`). */
export const SAMPLE_BASE_URL = 'http://127.0.0.1:4010';
/** Token the samples use unless the operation's credential variable is set: the mock accepts any non-empty bearer token. */
export const SAMPLE_TOKEN = 'test';

/** The environment variable holding an upstream's credential, by the client option it belongs to (`devrev` → `DEVREV_TOKEN`). */
export const credentialVariable = (/** @type {string} */ credential) => `${credential.toUpperCase()}_TOKEN`;

/** The environment variable holding an upstream's server, by its client option (`devrev` → `DEVREV_BASE_URL`): one per upstream, so
 * pointing one upstream's samples at production never sends another upstream's credential there. */
export const baseUrlVariable = (/** @type {string} */ credential) => `${credential.toUpperCase()}_BASE_URL`;

/** How a sample reads an error body, by the operation's dialect: `code` (session), `type` (observability). */
/** @type {Record<ErrorDialect, 'code' | 'type'>} */
const SAMPLE_DIALECT = { session: 'code', observability: 'type' };

/**
 * The example value of a parameter (its own, its schema's, or its first named example); undefined when none.
 * @param {OpenApiDocument} spec
 * @param {ParameterObject} parameter
 * @returns {unknown}
 */
export function parameterExample(spec, parameter) {
  const schema = resolveRef(spec, parameter.schema).value;
  return parameter.example ?? schema?.example ?? schema?.examples?.[0] ?? Object.values(parameter.examples ?? {})[0]?.value;
}

/**
 * The facts a sample needs about one operation (an entry of `listOperations`): path, parameters with example values, list or not, error dialect.
 * @param {OpenApiDocument} spec
 * @param {ApiOperation} entry
 * @returns {SampleOperation}
 */
export function describeOperation(spec, { method, path, operationId, operation, parameters }) {
  const params = parameters.map(({ parameter }) => parameter);
  const example = (/** @type {ParameterObject} */ p) => {
    const value = parameterExample(spec, p);
    if (value === undefined) throw new Error(`samples: parameter ${p.in}:${p.name} of ${operationId} has no example`);
    return value;
  };
  const pathParams = params.filter((p) => p.in === 'path').map((p) => ({ name: p.name, value: String(example(p)) }));
  const ok = resolveRef(spec, operation.responses?.['200'] ?? operation.responses?.['201']).value;
  const body = resolveRef(spec, ok?.content?.['application/json']?.schema).value;
  const isList =
    Boolean(body?.properties?.items && body?.properties?.pagination) && params.some((p) => p.in === 'query' && p.name === 'after');
  const query = params.filter((p) => p.in === 'query' && p.required).map((p) => ({ name: p.name, value: example(p) }));
  const dialect = errorDialectOf(spec, operation);
  const errorDialect = dialect === undefined ? 'unknown' : SAMPLE_DIALECT[dialect];
  // The production server and credential of this operation (its spec entry's servers and security).
  const upstream = operationUpstreams(spec).find((row) => row.operationId === operationId);
  if (upstream === undefined) throw new Error(`samples: ${operationId} is not an operation of the spec`);
  const { server, scheme, credential } = upstream;
  return {
    method,
    path,
    operationId,
    pathParams,
    query,
    isList,
    errorDialect,
    server,
    scheme,
    credential,
    tokenVariable: credentialVariable(credential),
    baseUrlVariable: baseUrlVariable(credential),
  };
}

/** The operation's path with its path parameters' examples filled in (URL-encoded). */
const fillPath = (/** @type {SampleOperation} */ op) =>
  op.pathParams.reduce((p, { name, value }) => p.replace(`{${name}}`, encodeURIComponent(value)), op.path);

/**
 * A name/value pair (a function, so it is typed as the pair it is: an array literal alone reads as `string[]`).
 * @param {string} name
 * @param {string} value
 * @returns {Entry}
 */
const entry = (name, value) => [name, value];

/**
 * The query string entries of a request: `extra` first, then the required query parameters.
 * @param {SampleOperation} op
 * @param {Entry[]} [extra]
 * @returns {Entry[]}
 */
const queryEntries = (op, extra = []) => [...extra, ...op.query.map(({ name, value }) => entry(name, String(value)))];

/** A JavaScript literal of a value: a single-quoted string, else JSON. */
const js = (/** @type {unknown} */ value) =>
  typeof value === 'string' ? `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : JSON.stringify(value);

/** A one-line object literal of already-written values; keys are quoted only when they must be. */
const objectLiteral = (/** @type {Entry[]} */ entries) =>
  `{ ${entries.map(([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : js(k)}: ${v}`).join(', ')} }`;

/** The comment every sample starts with: the production server and credential of the operation. */
const productionNote = (/** @type {SampleOperation} */ op, /** @type {string} */ comment) =>
  `${comment} Production: ${op.baseUrlVariable}=${op.server} and ${op.tokenVariable} (the ${op.scheme} credential). Unset, the local mock.`;

/**
 * curl: copy-paste works against the mock as is; set the base URL and credential variables for a real server.
 * @param {SampleOperation} op
 * @returns {string}
 */
export function curlSample(op) {
  const entries = queryEntries(op, op.isList ? [entry('limit', '20')] : []);
  const qs = entries.length ? '?' + new URLSearchParams(entries).toString() : '';
  const lines = [
    productionNote(op, '#'),
    `curl -sS "\${${op.baseUrlVariable}:-${SAMPLE_BASE_URL}}${fillPath(op)}${qs}" \\`,
    `  -H "Authorization: Bearer \${${op.tokenVariable}:-${SAMPLE_TOKEN}}" \\`,
    `  -H "Accept: application/json"`,
  ];
  if (op.isList) {
    lines.push(
      '',
      '# Next page: add &after=<id of the last item> while pagination.has_more_after is true',
      '# (or &order=desc for newest first, &before=<id> to walk back).',
    );
  }
  return lines.join('\n') + '\n';
}

/**
 * The line of the TypeScript sample that throws the error body `variable`, worded by the operation's dialect.
 * @param {SampleOperation} op
 * @param {string} variable
 * @returns {string}
 */
function errorLine(op, variable) {
  if (op.errorDialect === 'code')
    return `if (${variable}) throw new Error(\`\${${variable}.status} \${${variable}.code}: \${${variable}.message}\`);`;
  if (op.errorDialect === 'type') return `if (${variable}) throw new Error(\`\${${variable}.type}: \${${variable}.message ?? ''}\`);`;
  return `if (${variable}) throw new Error(JSON.stringify(${variable}));`;
}

/**
 * TypeScript with `@session-obs/client`; list operations also show `client.paginate`.
 * @param {SampleOperation} op
 * @returns {string}
 */
export function typeScriptSample(op) {
  const params = (/** @type {Entry[]} */ query) => {
    /** @type {Entry[]} */
    const parts = [];
    if (op.pathParams.length) parts.push(['path', objectLiteral(op.pathParams.map(({ name, value }) => entry(name, js(value))))]);
    if (query.length) parts.push(['query', objectLiteral(query)]);
    return parts.length ? `{\n  params: ${objectLiteral(parts)},\n}` : '{}';
  };
  const required = op.query.map(({ name, value }) => entry(name, js(value)));
  const lines = [
    `import { createClient } from '@session-obs/client';`,
    '',
    `// Without a baseUrl, the client sends this operation to ${op.server} with ${op.credential}.token;`,
    `// here ${op.baseUrlVariable} (default: the local mock, which serves every operation) overrides that.`,
    'const client = createClient({',
    `  ${op.credential}: {`,
    `    token: process.env.${op.tokenVariable} ?? '${SAMPLE_TOKEN}',`,
    `    baseUrl: process.env.${op.baseUrlVariable} ?? '${SAMPLE_BASE_URL}',`,
    '  },',
    '});',
    '',
  ];
  if (op.isList) {
    lines.push(
      "// One page; for the next, pass the last item's id as `after`.",
      `const { data, error } = await client.GET('${op.path}', ${params([...required, entry('limit', '20')])});`,
      errorLine(op, 'error'),
      'console.log(data.items, data.pagination.has_more_after);',
      '',
      '// Every item, page after page (`paginate` follows the pages):',
      'let seen = 0;',
      `for await (const item of client.paginate('${op.path}', ${params([...required, entry('limit', '100')])})) {`,
      '  console.log(item.id);',
      '  if (++seen === 500) break; // leaving the loop stops fetching pages',
      '}',
    );
  } else {
    lines.push(
      `const { data, error } = await client.GET('${op.path}', ${params(required)});`,
      errorLine(op, 'error'),
      'console.log(data);',
    );
  }
  return lines.join('\n') + '\n';
}

/**
 * Plain `fetch` (Node 18+ or a browser), with a keyset paging loop for list operations.
 * @param {SampleOperation} op
 * @returns {string}
 */
export function fetchSample(op) {
  const path = fillPath(op);
  const search = (/** @type {Entry[]} */ extra) => queryEntries(op, extra).map(([k, v]) => `url.searchParams.set(${js(k)}, ${js(v)});`);
  const lines = [
    productionNote(op, '//'),
    `const baseUrl = process.env.${op.baseUrlVariable} ?? '${SAMPLE_BASE_URL}';`,
    'const headers = {',
    `  Authorization: \`Bearer \${process.env.${op.tokenVariable} ?? '${SAMPLE_TOKEN}'}\`,`,
    `  Accept: 'application/json',`,
    '};',
    '',
  ];
  const check =
    op.errorDialect === 'code'
      ? 'if (!response.ok) throw new Error(`${response.status} ${body.code}: ${body.message}`);'
      : op.errorDialect === 'type'
        ? "if (!response.ok) throw new Error(`${response.status} ${body.type}: ${body.message ?? ''}`);"
        : 'if (!response.ok) throw new Error(`${response.status}: ${JSON.stringify(body)}`);';
  if (op.isList) {
    lines.push(
      '// Keyset paging: ask for the items after the last id while has_more_after is true.',
      'let after;',
      'do {',
      `  const url = new URL(baseUrl.replace(/\\/+$/, '') + ${js(path)});`,
      ...search([entry('limit', '100')]).map((l) => '  ' + l),
      "  if (after) url.searchParams.set('after', after);",
      '  const response = await fetch(url, { headers });',
      '  const body = await response.json();',
      '  ' + check,
      '  for (const item of body.items) console.log(item.id);',
      '  const last = body.items.at(-1)?.id;',
      '  after = body.pagination.has_more_after && last !== after ? last : undefined;',
      '} while (after);',
    );
  } else {
    lines.push(
      `const url = new URL(baseUrl.replace(/\\/+$/, '') + ${js(path)});`,
      ...search([]),
      'const response = await fetch(url, { headers });',
      'const body = await response.json();',
      check,
      'console.log(body);',
    );
  }
  return lines.join('\n') + '\n';
}

/**
 * One sample as Redoc's `x-codeSamples` entry.
 * @typedef {{ lang: string, label: string, source: string }} CodeSample
 */

/**
 * The three samples of one operation, as Redoc's `x-codeSamples`.
 * @param {SampleOperation} op
 * @returns {[CodeSample, CodeSample, CodeSample]}
 */
export function codeSamples(op) {
  return [
    { lang: 'curl', label: 'curl', source: curlSample(op) },
    { lang: 'TypeScript', label: 'TypeScript', source: typeScriptSample(op) },
    { lang: 'JavaScript', label: 'fetch', source: fetchSample(op) },
  ];
}

/**
 * Returns a copy of the spec with `x-codeSamples` on every operation, and the TypeScript samples
 * by operationId (to type-check against the client).
 * @param {OpenApiDocument} spec
 * @returns {{ spec: OpenApiDocument, typescript: Record<string, string> }}
 */
export function decorateSpec(spec) {
  const decorated = structuredClone(spec);
  /** @type {Record<string, string>} */
  const typescript = {};
  for (const entry of listOperations(decorated)) {
    const op = describeOperation(decorated, entry);
    const samples = codeSamples(op);
    entry.operation['x-codeSamples'] = samples;
    typescript[entry.operationId] = samples[1].source;
  }
  return { spec: decorated, typescript };
}
