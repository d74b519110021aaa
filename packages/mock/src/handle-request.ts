// One request through the mock, in the order the API itself checks: CORS preflight, target, route (404 or
// 405 with `Allow`), bearer auth (401), parameters (400 listing every problem), the `Prefer` header (400
// when it asks for what the operation lacks); only then Prism answers from the spec. Every refusal is the
// API's own error body in the operation's dialect. Nothing a client sends escapes as an exception.
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  badRequest,
  endpointNotFound,
  internalError,
  invalidRequest,
  matchRoute,
  pagingBounds,
  methodNotAllowed,
  parseParameters,
  readBearerToken,
  unauthorized,
  type CompiledOperation,
  type ErrorDialect,
  type ErrorReply,
} from '@session-obs/spec';
import { corsHeaders, preflightHeaders } from './cors.js';
import { fittingExampleKey, requestFacts, type ExampleCatalogue } from './example-catalogue.js';
import { pageExampleList } from './list-paging.js';
import { parsePrefer, type Preferences } from './prefer.js';
import type { PrismEngine } from './prism-engine.js';
import { parseTarget } from './request-target.js';

export interface HandlerParts {
  /** The spec's operations, compiled (routes and parameter validators). */
  operations: CompiledOperation[];
  engine: PrismEngine;
  examples: ExampleCatalogue;
  /** Logs one line per request when set. */
  logRequest?: (line: string) => void;
  /** Logs unexpected failures (with their stack). */
  logError: (line: string) => void;
}

interface Reply {
  status: number;
  headers?: Record<string, string>;
  body: unknown;
}

// The headers the spec declares on every response; computed answers carry fixed values, as the examples do.
const RATE_LIMIT_HEADERS = { 'RateLimit-Limit': '1000', 'RateLimit-Remaining': '1000', 'RateLimit-Reset': '0' };

let requestCount = 0;
const nextRequestId = () => `req_mock${(requestCount++).toString(36).padStart(8, '0')}`;

/** The mock's `node:http` request listener. */
export function createRequestHandler(parts: HandlerParts): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    const requestId = nextRequestId();
    const base = { ...corsHeaders(request.headers), 'X-Request-Id': requestId };
    let dialect: ErrorDialect = 'session';
    answer(parts, request, (d) => (dialect = d))
      .catch((error: unknown) => {
        parts.logError(`✖ ${request.method} ${request.url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return fromError(internalError(dialect, requestId));
      })
      .then((reply) => {
        send(request, response, reply, base);
        parts.logRequest?.(`${request.method} ${request.url} → ${reply.status}`);
      })
      .catch(() => response.destroy());
  };
}

async function answer(parts: HandlerParts, request: IncomingMessage, setDialect: (dialect: ErrorDialect) => void): Promise<Reply> {
  const method = (request.method ?? 'GET').toUpperCase();
  if (method === 'OPTIONS') {
    return { status: 204, headers: preflightHeaders(request.headers) ?? { Allow: 'GET, HEAD, OPTIONS' }, body: undefined };
  }
  const target = parseTarget(request.url ?? '');
  if (!target) return fromError(badRequest('session', 'The request target must be a path such as /session-errors.'));
  const route = matchRoute(parts.operations, method, target.path);
  if (route.kind === 'not_found') return fromError(endpointNotFound(method, target.path));
  if (route.kind === 'method_not_allowed') return fromError(methodNotAllowed(route.dialect, method, route.allow));
  const { operation, pathValues } = route;
  const { dialect } = operation;
  setDialect(dialect);

  const bearer = readBearerToken(request.headers.authorization);
  if ('reason' in bearer) return fromError(unauthorized(dialect, bearer.reason));

  const parsed = parseParameters(operation, pathValues, target.query);
  const { problems, after, before } = pagingBounds(parsed);
  if (problems.length) return fromError(invalidRequest(dialect, problems));

  const prefer = parsePrefer([request.headers.prefer ?? []].flat().join(', '));
  if (!prefer.ok) return fromError(badRequest(dialect, prefer.message));
  const choice = chooseResponse(parts.examples, operation, prefer.preferences, parsed.query);
  if ('refusal' in choice) return fromError(badRequest(dialect, choice.refusal));

  const answered = await parts.engine.answer({
    method: operation.method,
    specPath: operation.path,
    path: operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(parsed.path[name] ?? '')),
    query: plainQuery(target.query),
    dynamic: prefer.preferences.dynamic ?? false,
    ...choice,
  });
  if (!answered.ok) throw new Error(`Prism could not answer (${answered.status}): ${answered.reason}`);
  // A list paged with after/before answers the example items on that side of the id, so walks end.
  const limit = typeof parsed.query.limit === 'number' ? parsed.query.limit : Number.POSITIVE_INFINITY;
  const body = answered.status === 200 ? pageExampleList(answered.body, { after, before, limit }) : answered.body;
  return { status: answered.status, headers: answered.headers, body };
}

/** The status and example to ask Prism for, or why the `Prefer` header cannot be honoured. */
function chooseResponse(
  examples: ExampleCatalogue,
  operation: CompiledOperation,
  preferences: Preferences,
  values: Record<string, unknown>,
): { code?: number; exampleKey?: string } | { refusal: string } {
  const statuses = examples.statuses(operation.method, operation.path);
  const { code, example } = preferences;
  if (code !== undefined && !statuses.includes(code)) {
    return { refusal: `Prefer: code=${code} is not a status of ${operation.operationId}; it declares ${statuses.join(', ')}.` };
  }
  const status = code ?? statuses.find((s) => s >= 200 && s < 300) ?? 200;
  const named = examples.examples(operation.method, operation.path, status);
  if (example !== undefined) {
    if (named.some((e) => e.key === example)) return { code, exampleKey: example };
    return {
      refusal: `Prefer: example=${example} is not an example of the ${status} of ${operation.operationId}; it has ${named.map((e) => e.key).join(', ') || 'none'}.`,
    };
  }
  if (preferences.dynamic) return { code };
  const enums: Record<string, string> = {};
  for (const { name, in: location, schema } of operation.parameters) {
    if (location === 'query' && Array.isArray(schema.enum) && typeof values[name] === 'string') enums[name] = values[name];
  }
  return { code, exampleKey: fittingExampleKey(named, requestFacts(operation.path, enums)) };
}

function plainQuery(query: URLSearchParams): Record<string, string | string[]> {
  const plain: Record<string, string | string[]> = {};
  for (const key of new Set(query.keys())) {
    const all = query.getAll(key);
    plain[key] = all.length === 1 ? all[0]! : all;
  }
  return plain;
}

const fromError = (error: ErrorReply): Reply => ({
  status: error.status,
  body: error.body,
  headers: { ...RATE_LIMIT_HEADERS, ...error.headers },
});

function send(request: IncomingMessage, response: ServerResponse, reply: Reply, base: Record<string, string>): void {
  const headers: Record<string, string> = { ...base, ...reply.headers };
  if (reply.body === undefined) {
    response.writeHead(reply.status, headers).end();
    return;
  }
  const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
  if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type'))
    headers['Content-Type'] = 'application/json; charset=utf-8';
  headers['Content-Length'] = String(Buffer.byteLength(text));
  response.writeHead(reply.status, headers);
  response.end(request.method === 'HEAD' ? undefined : text);
}
