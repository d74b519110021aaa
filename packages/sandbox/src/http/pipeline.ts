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
  type ErrorReply,
  type Reply,
  type UnauthorizedReason,
} from '@session-obs/spec/server';
import { formatErrors, type SpecValidator } from '@session-obs/spec';
import type { Handler } from './handlers.js';
import { UNLIMITED, type TokenBuckets } from './rate-limit.js';
import type { SandboxRoutes } from './sandbox-routes.js';

/** What the steps share: the compiled spec, the handlers and the limits of one server. */
export interface PipelineParts {
  operations: CompiledOperation[];
  handlers: Record<string, Handler>;
  sandboxRoutes: SandboxRoutes;
  tokens: ReadonlySet<string>;
  buckets: TokenBuckets;
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

const fromError = (error: ErrorReply): Reply => ({ status: error.status, body: error.body, headers: error.headers });

/** Step 1: the operation a request is for, or the 404/405 (`/_sandbox/` routes go to their own table). */
export function route(parts: PipelineParts, request: ApiRequest): Routed | Reply {
  const { method, target } = request;
  const matched = matchRoute(parts.operations, method, target.path);
  if (matched.kind === 'not_found') return fromError(endpointNotFound(method, target.path));
  if (matched.kind === 'method_not_allowed') return fromError(methodNotAllowed(matched.dialect, method, matched.allow));
  return { request, operation: matched.operation, pathValues: matched.pathValues };
}

/** Step 2: the request's accepted token, or why it has none. */
export function authenticate(parts: PipelineParts, request: ApiRequest): { token: string } | { refused: UnauthorizedReason } {
  const bearer = readBearerToken(request.request.headers.authorization);
  if ('reason' in bearer) return { refused: bearer.reason };
  return parts.tokens.has(bearer.token) ? { token: bearer.token } : { refused: 'unknown_token' };
}

/** Step 3: takes one request from the caller's bucket; the RateLimit-* headers, and the 429 when it is empty. */
export function rateLimit(parts: PipelineParts, routed: Routed, key: string): { headers: Record<string, string>; refusal?: Reply } {
  const decision = parts.buckets.take(key);
  const headers = rateLimitHeaders(decision === UNLIMITED ? undefined : decision);
  if (decision.allowed) return { headers };
  return { headers, refusal: fromError(tooManyRequests(routed.operation.dialect, decision.retryAfterSeconds)) };
}

/** Step 4: the operation's handler. */
export async function handle(parts: PipelineParts, routed: Routed): Promise<Reply> {
  const handler = parts.handlers[routed.operation.operationId];
  if (!handler) return fromError(endpointNotFound(routed.request.method, routed.request.target.path));
  return handler(routed.operation, routed.pathValues, routed.request.target.query);
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

/** The whole pipeline for one request. */
export async function answer(parts: PipelineParts, request: ApiRequest): Promise<Reply> {
  const credentials = authenticate(parts, request);
  const refused = 'refused' in credentials ? credentials.refused : undefined;
  if (request.target.path.startsWith('/_sandbox/')) return parts.sandboxRoutes(request, refused);
  const routed = route(parts, request);
  if (!('operation' in routed)) return { ...routed, headers: { ...rateLimitHeaders(), ...routed.headers } };
  const limited = rateLimit(parts, routed, 'token' in credentials ? credentials.token : `anonymous:${request.client}`);
  const withLimits = (reply: Reply): Reply => ({ ...reply, headers: { ...limited.headers, ...reply.headers } });
  if (refused) return withLimits(fromError(unauthorized(routed.operation.dialect, refused)));
  if (limited.refusal) return withLimits(limited.refusal);
  return withLimits(validate(parts, routed, await handle(parts, routed)));
}
