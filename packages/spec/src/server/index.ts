// @session-obs/spec/server: the HTTP runtime the mock and the sandbox share — route matching, parameter
// validation, auth, cursors and paging, the error dialects' bodies, and the server itself (listen/close,
// request ids, send, CORS, Host checks, rate-limit headers, start-up errors, shutdown, child servers).
export { answerRawRequests, unparsableRequest, writeRawReply, type RawAnswerListener } from './raw-reply.js';
export { PROBLEM_CODE_BY_KEYWORD, problemFromSchemaErrors, type ParameterProblem, type ProblemLocation } from './problems.js';
export { compileOperations, parseParameters, type CompiledOperation, type CompiledParameter, type ParsedParameters } from './parameters.js';
export { allowedMethods, matchRoute, type RouteMatch } from './routes.js';
export { readBearerToken, type BearerToken } from './auth.js';
export { decodeCursor, encodeCursor, type Cursor, type CursorDirection } from './cursor.js';
export { pagingBounds, type PagingBounds } from './paging.js';
export {
  DIALECT_ERROR_SCHEMA,
  badRequest,
  endpointNotFound,
  errorDialectOf,
  forbidden,
  internalError,
  invalidRequest,
  methodNotAllowed,
  notFound,
  payloadTooLarge,
  serviceUnavailable,
  tooManyRequests,
  unauthorized,
  type ErrorDialect,
  type ErrorReply,
  type ErrorStatus,
  type ObservabilityErrorBody,
  type ObservabilityErrorType,
  type SessionErrorBody,
  type SessionErrorCode,
  type SessionErrorDetail,
  type UnauthorizedReason,
} from './error-dialects.js';
export { createApiServer, type AccessLogEntry, type ApiRequest, type ApiServer, type ApiServerOptions } from './http/api-server.js';
export { clientAddress } from './http/client-address.js';
export { corsHeaders, originAllowed, parseCorsOrigins, preflightHeaders, type CorsOrigins } from './http/cors.js';
export { hostAllowed, hostLines, parseAllowedHosts, requestedHost } from './http/hosts.js';
export { listenProblem, type ListenTarget } from './http/listen-errors.js';
export { localUrl } from './http/local-url.js';
export { rateLimitHeaders, UNLIMITED_RATE, type RateLimitState } from './http/rate-limit-headers.js';
export { nextRequestId } from './http/request-id.js';
export { parseTarget, type RequestTarget } from './http/request-target.js';
export { replyText, replyValue, sendReply, type Reply } from './http/send.js';
export { freePort } from './process/free-port.js';
export { killGroup, stopChild, trackChild } from './process/process-group.js';
export { PARENT_WATCH_VARIABLE, stopOnSignals } from './process/shutdown.js';
export { startChildServer, type ChildServerOptions, type RunningChild } from './process/start-child-server.js';
export { parseArgsProblem } from './process/usage-problem.js';
