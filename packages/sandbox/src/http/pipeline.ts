// The sandbox's steps of the shared server pipeline, each a named function: route → authenticate →
// rate-limit → handle → validate. The shared layer (`@session-obs/spec/server`) runs the Host and CORS
// checks before them and sends the answer after them, exactly as for the mock.
import {
  endpointNotFound,
  internalError,
  matchRoute,
  methodNotAllowed,
  rateLimitHeaders,
  readBearerToken,
  replyValue,
  tooManyRequests,
  unauthorized,
  type ApiRequest,
  type CompiledOperation,
  type ErrorDialect,
  type ErrorReply,
  type Reply,
  type UnauthorizedReason,
} from '@session-obs/spec/server';
import { formatErrors, type SpecValidator } from '@session-obs/spec';
import { addressKey } from './address-key.js';
import type { Handler } from './handlers.js';
import { UNLIMITED, type RateLimiter } from './rate-limit.js';
import type { SandboxStore } from '../store/contract.js';
import { tokenBucketKey } from '../store/tenants.js';
import type { SandboxRoutes } from './sandbox-routes.js';
import { whenDatabaseDown } from './database-down.js';

/** What the steps share: the compiled spec, the handlers and the limits of one server. */
export interface PipelineParts {
  store: SandboxStore;
  operations: CompiledOperation[];
  handlers: Record<string, Handler>;
  sandboxRoutes: SandboxRoutes;
  limiter: RateLimiter;
  /** Validates answers against the spec when set (tests). */
  validator?: SpecValidator;
  onProblem(message: string): void;
}

/** A request on its way through the steps. */
interface Routed {
  request: ApiRequest;
  operation: CompiledOperation;
  pathValues: Record<string, string>;
}

/** A request's accepted token and the tenant it belongs to, or why it has none. */
type Credentials = { token: string; tenant: string } | { refused: UnauthorizedReason };

const fromError = (error: ErrorReply): Reply => ({ status: error.status, body: error.body, headers: error.headers });

/** Step 1: the operation a request is for, or the 404/405 (`/_sandbox/` routes go to their own table). */
export function route(parts: PipelineParts, request: ApiRequest): Routed | Reply {
  const { method, target } = request;
  const matched = matchRoute(parts.operations, method, target.path);
  if (matched.kind === 'not_found') return fromError(endpointNotFound(method, target.path));
  if (matched.kind === 'method_not_allowed') return fromError(methodNotAllowed(matched.dialect, method, matched.allow));
  return { request, operation: matched.operation, pathValues: matched.pathValues };
}

/** Step 2: the request's accepted token and its tenant (looked up by the token's hash), or why it has none. */
export async function authenticate(parts: PipelineParts, request: ApiRequest): Promise<Credentials> {
  const bearer = readBearerToken(request.request.headers.authorization);
  if ('reason' in bearer) return { refused: bearer.reason };
  const tenant = await parts.store.authenticate(bearer.token);
  return tenant ? { token: bearer.token, tenant: tenant.id } : { refused: 'unknown_token' };
}

/**
 * The bucket a request is charged to: each token has its own (keyed by its hash: the buckets may live in
 * the database, which never holds a token); callers without an accepted token share one per address, an
 * IPv6 one per /64 (a client can take a fresh address of its /64 for every request).
 */
function bucketKey(credentials: Credentials, request: ApiRequest): string {
  return 'token' in credentials ? tokenBucketKey(credentials.token) : `anonymous:${addressKey(request.client)}`;
}

/** Step 3: takes one request from the caller's bucket; the RateLimit-* headers, and the 429 when it is empty. */
export async function rateLimit(
  parts: PipelineParts,
  dialect: ErrorDialect,
  key: string,
): Promise<{ headers: Record<string, string>; refusal?: ErrorReply }> {
  const decision = await parts.limiter.take(key);
  const headers = rateLimitHeaders(decision === UNLIMITED ? undefined : decision);
  if (decision.allowed) return { headers };
  return { headers, refusal: tooManyRequests(dialect, decision.retryAfterSeconds) };
}

/** Step 4: the operation's handler. */
export async function handle(parts: PipelineParts, routed: Routed, tenant: string): Promise<Reply> {
  const handler = parts.handlers[routed.operation.operationId];
  if (!handler) return fromError(endpointNotFound(routed.request.method, routed.request.target.path));
  return handler(routed.operation, routed.pathValues, routed.request.target.query, tenant);
}

/** Step 5 (tests): the answer checked against the spec; a mismatch is reported and becomes a 500. */
export function validate(parts: PipelineParts, routed: Routed, reply: Reply): Reply {
  if (!parts.validator) return reply;
  const result = parts.validator.validateResponse('get', routed.operation.path, reply.status, replyValue(reply));
  if (result.valid) return reply;
  const { method, target, requestId } = routed.request;
  parts.onProblem(`✖ response of ${method} ${target.path} (${reply.status}) does not match the spec:\n${formatErrors(result.errors)}`);
  return fromError(internalError(routed.operation.dialect, requestId));
}

/** The whole pipeline for one request; a failure while the database does not answer is a 503, not a 500. */
export async function answer(parts: PipelineParts, request: ApiRequest): Promise<Reply> {
  try {
    return await answerRequest(parts, request);
  } catch (error) {
    const matched = matchRoute(parts.operations, request.method, request.target.path);
    const dialect =
      matched.kind === 'operation' ? matched.operation.dialect : matched.kind === 'method_not_allowed' ? matched.dialect : 'session';
    const down = await whenDatabaseDown(parts.store, dialect);
    if (!down) throw error;
    // The answer names only the driver's code; the operator's log gets the whole message.
    parts.onProblem(`✖ ${request.method} ${request.target.path}: 503, the database does not answer: ${(error as Error).message}`);
    return { ...fromError(down), headers: { ...rateLimitHeaders(), ...down.headers } };
  }
}

async function answerRequest(parts: PipelineParts, request: ApiRequest): Promise<Reply> {
  if (request.target.path.startsWith('/_sandbox/')) {
    // The sandbox routes look the credentials up only when the route needs them (readiness never does),
    // and take from the caller's bucket only on the routes that need a token: health, readiness and
    // tenant creation (which has its own per-address limit) show a full bucket.
    let credentials: Credentials | undefined;
    let limits = rateLimitHeaders();
    const reply: Reply = await parts.sandboxRoutes(request, {
      async credentials() {
        credentials = await authenticate(parts, request);
        return 'refused' in credentials ? credentials : { tenant: credentials.tenant };
      },
      async rateLimit(dialect) {
        const limited = await rateLimit(parts, dialect, bucketKey(credentials ?? { refused: 'missing' }, request));
        limits = limited.headers;
        return limited.refusal;
      },
    });
    return { ...reply, headers: { ...limits, ...reply.headers } };
  }
  const routed = route(parts, request);
  if (!('operation' in routed)) return { ...routed, headers: { ...rateLimitHeaders(), ...routed.headers } };
  const credentials = await authenticate(parts, request);
  const limited = await rateLimit(parts, routed.operation.dialect, bucketKey(credentials, request));
  const withLimits = (reply: Reply): Reply => ({ ...reply, headers: { ...limited.headers, ...reply.headers } });
  // An empty bucket is a 429 before a 401: callers without an accepted token are throttled by their
  // address's bucket like any other (token guessing, floods get 429 + Retry-After, not endless 401s).
  if (limited.refusal) return withLimits(fromError(limited.refusal));
  if ('refused' in credentials) return withLimits(fromError(unauthorized(routed.operation.dialect, credentials.refused)));
  return withLimits(validate(parts, routed, await handle(parts, routed, credentials.tenant)));
}
