// @session-obs/spec: the bundled Session Observability documents, and the typed tools every package
// uses on them — loading, `$ref` resolution, the operation walker, schema validation — plus the pieces
// every server shares: route matching, parameter validation and the error dialects' bodies.
export { bundlePath, loadSpec, sandboxApiPath } from './load.js';
export {
  HTTP_METHODS,
  isReference,
  type ComponentsObject,
  type ExampleObject,
  type HeaderObject,
  type HttpMethod,
  type JsonSchema,
  type MediaTypeObject,
  type OpenApiDocument,
  type OperationObject,
  type ParameterObject,
  type PathItemObject,
  type ReferenceObject,
  type RequestBodyObject,
  type ResponseObject,
  type SecurityRequirementObject,
} from './document.js';
export { pointerEscape, pointerGet, pointerJoin, pointerUnescape } from './pointer.js';
export { resolveRef, type ResolveRefOptions, type ResolvedRef } from './resolve-ref.js';
export { listOperations, type ApiOperation, type EffectiveParameter } from './operations.js';
export {
  createSpecValidator,
  formatErrors,
  type ErrorObject,
  type SpecValidator,
  type ValidateFunction,
  type ValidationResult,
} from './validator.js';
export { PROBLEM_CODE_BY_KEYWORD, problemFromSchemaErrors, type ParameterProblem, type ProblemLocation } from './server/problems.js';
export {
  compileOperations,
  parseParameters,
  type CompiledOperation,
  type CompiledParameter,
  type ParsedParameters,
} from './server/parameters.js';
export { allowedMethods, matchRoute, type RouteMatch } from './server/routes.js';
export { readBearerToken, type BearerToken } from './server/auth.js';
export { decodeCursor, encodeCursor, type Cursor, type CursorDirection } from './server/cursor.js';
export { pagingBounds, type PagingBounds } from './server/paging.js';
export { answerRawRequests, unparsableRequest, writeRawReply } from './server/raw-reply.js';
export {
  DIALECT_ERROR_SCHEMA,
  badRequest,
  endpointNotFound,
  errorDialectOf,
  internalError,
  invalidRequest,
  methodNotAllowed,
  notFound,
  payloadTooLarge,
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
} from './server/error-dialects.js';
export { operationUpstreams, splitByUpstream, type OperationUpstream } from './upstreams.js';
