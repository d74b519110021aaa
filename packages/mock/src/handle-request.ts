// The mock's step of the shared server pipeline (Host, CORS and the target are checked before it, the
// answer sent after it), in the order the API itself checks: route (404 or 405 with `Allow`), bearer auth
// (401), parameters (400 listing every problem), the `Prefer` header (400 when it asks for what the
// operation lacks); only then Prism answers from the spec. Every refusal is the API's own error body in the
// operation's dialect; whatever throws becomes the layer's 500.
import type { IncomingHttpHeaders } from 'node:http';
import {
  badRequest,
  endpointNotFound,
  invalidRequest,
  matchRoute,
  pagingBounds,
  methodNotAllowed,
  parseParameters,
  rateLimitHeaders,
  UNLIMITED_RATE,
  readBearerToken,
  unauthorized,
  type ApiRequest,
  type CompiledOperation,
  type ErrorDialect,
  type ErrorReply,
  type Reply,
  type RequestTarget,
} from '@session-obs/spec/server';
import { fittingExampleKey, requestFacts, type ExampleCatalogue } from './example-catalogue.js';
import { pageExampleList } from './list-paging.js';
import { parsePrefer, type Preferences } from './prefer.js';
import type { PrismEngine } from './prism-engine.js';

export interface HandlerParts {
  /** The spec's operations, compiled (routes and parameter validators). */
  operations: CompiledOperation[];
  engine: PrismEngine;
  examples: ExampleCatalogue;
  /** Bodies generated from the schemas unless a request's `Prefer: dynamic=false` asks for the examples (`--dynamic`). */
  dynamic?: boolean;
  /** operationIds that declare no security: no token needed. */
  open?: ReadonlySet<string>;
  /** Whether a body is valid for the operation's status (checks generated bodies). */
  validBody?: (operation: CompiledOperation, status: number, body: unknown) => boolean;
}

/** Generated bodies tried before a dynamic answer falls back to the example. */
const DYNAMIC_TRIES = 10;
/** Time a request's generate-and-check tries may take (they are synchronous CPU) before the example is answered. */
const DYNAMIC_BUDGET_MS = 250;

/** Lets the requests waiting on the event loop run between two synchronous tries. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The mock's answer to one request (the shared server layer checked Host and CORS and sends it). */
export function createRequestHandler(parts: HandlerParts): (request: ApiRequest) => Promise<Reply> {
  return ({ request, method, target }) => answer(parts, method, target, request.headers);
}

/** The dialect of whatever a method and path lead to (the session one for unknown routes). */
export function dialectAt(operations: readonly CompiledOperation[], method: string, path: string): ErrorDialect {
  const matched = matchRoute(operations, method, path);
  return matched.kind === 'operation' ? matched.operation.dialect : matched.kind === 'method_not_allowed' ? matched.dialect : 'session';
}

async function answer(parts: HandlerParts, method: string, target: RequestTarget, headers: IncomingHttpHeaders): Promise<Reply> {
  // A plain OPTIONS (not a preflight: the server layer answered those) is routed like any method the spec does
  // not declare (a 405 with the path's `Allow`), as in the sandbox.
  const route = matchRoute(parts.operations, method, target.path);
  if (route.kind === 'not_found') return fromError(endpointNotFound(method, target.path));
  if (route.kind === 'method_not_allowed') return fromError(methodNotAllowed(route.dialect, method, route.allow));
  const { operation, pathValues } = route;
  const { dialect } = operation;

  if (!parts.open?.has(operation.operationId)) {
    const bearer = readBearerToken(headers.authorization);
    if ('reason' in bearer) return fromError(unauthorized(dialect, bearer.reason));
  }

  const parsed = parseParameters(operation, pathValues, target.query);
  const { problems, after, before } = pagingBounds(parsed);
  if (problems.length) return fromError(invalidRequest(dialect, problems));

  const prefer = parsePrefer([headers.prefer ?? []].flat().join(', '));
  if (!prefer.ok) return fromError(badRequest(dialect, prefer.message));
  // The request's `Prefer: dynamic=` wins over the server's default.
  const preferences = { ...prefer.preferences, dynamic: prefer.preferences.dynamic ?? parts.dynamic ?? false };
  const choice = chooseResponse(parts.examples, operation, preferences, parsed.query);
  if ('refusal' in choice) return fromError(badRequest(dialect, choice.refusal));

  const ask = (dynamic: boolean, chosen: { code?: number; exampleKey?: string }) =>
    parts.engine.answer({
      method: operation.method,
      specPath: operation.path,
      path: operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(parsed.path[name] ?? '')),
      query: plainQuery(target.query),
      dynamic,
      ...chosen,
    });
  const started = performance.now();
  let answered = await ask(preferences.dynamic, choice);
  // Prism's generator ignores some keywords (`propertyNames`, a `oneOf`'s exclusivity): a generated body that
  // breaks the spec is generated again, and after DYNAMIC_TRIES (or DYNAMIC_BUDGET_MS) the example is answered
  // instead. Each try yields first, so one dynamic request cannot hold the others up for all its tries.
  const valid = parts.validBody;
  for (let tries = 1; preferences.dynamic && valid && answered.ok && !valid(operation, answered.status, answered.body); tries++) {
    if (tries < DYNAMIC_TRIES && performance.now() - started < DYNAMIC_BUDGET_MS) {
      await yieldToEventLoop();
      answered = await ask(true, choice);
    } else {
      const example = chooseResponse(parts.examples, operation, { ...preferences, dynamic: false }, parsed.query);
      if (!('refusal' in example)) answered = await ask(false, example);
      break;
    }
  }
  if (!answered.ok) throw new Error(`Prism could not answer (${answered.status}): ${answered.reason}`);
  // A list paged with after/before answers the example items on that side of the id, so walks end.
  const limit = typeof parsed.query.limit === 'number' ? parsed.query.limit : Number.POSITIVE_INFINITY;
  const body = answered.status === 200 ? pageExampleList(answered.body, { after, before, limit }) : answered.body;
  return { status: answered.status, headers: withMockRateLimit(answered.status, answered.headers), body };
}

/**
 * The example's RateLimit-* values (`Remaining: 998`, `Reset: 42`) would claim a limiter the mock does not
 * have: every answer reports the full bucket its error answers report, and a `Prefer: code=429` an empty one
 * that is full again when its example's `Retry-After` says.
 */
function withMockRateLimit(status: number, headers: Record<string, string>): Record<string, string> {
  const own = Object.entries(headers).filter(([name]) => !name.toLowerCase().startsWith('ratelimit-'));
  if (status !== 429) return { ...rateLimitHeaders(), ...Object.fromEntries(own) };
  const retryAfter = Number(own.find(([name]) => name.toLowerCase() === 'retry-after')?.[1]);
  const resetSeconds = Number.isInteger(retryAfter) && retryAfter >= 0 ? retryAfter : 60;
  return { ...rateLimitHeaders({ limit: UNLIMITED_RATE.limit, remaining: 0, resetSeconds }), ...Object.fromEntries(own) };
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

// The spec declares RateLimit-* headers on every answer; the mock has no limit and reports a full bucket.
const fromError = (error: ErrorReply): Reply => ({
  status: error.status,
  body: error.body,
  headers: { ...rateLimitHeaders(), ...error.headers },
});
