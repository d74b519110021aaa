export { createClient, DEFAULT_BASE_URL } from './create-client.js';
export type { ClientOptions, SessionObservabilityClient } from './create-client.js';
export type { Credential, UpstreamOptions } from './upstreams.js';
export type { WalkLimits } from './paginate.js';
export {
  ApiError,
  BadRequestError,
  UnauthorizedError,
  ForbiddenError,
  NotFoundError,
  RateLimitError,
  ServerError,
  HttpError,
  ConnectionError,
  TimeoutError,
  AbortError,
  MissingCredentialError,
  PaginationError,
  InvalidResponseError,
  isApiError,
  errorFromResponse,
} from './errors.js';
export type { ApiErrorKind, ApiErrorInit, AnyApiError } from './errors.js';
export { DEFAULT_POLICY, RETRYABLE_STATUSES } from './retry-policy.js';
export type { RequestControls, RetryPolicy } from './retry-policy.js';
export type { ClientPaths, GetPath, ListPath, ListPage, ListItem, PaginateInit, SuccessBody, DataOf } from './types.js';
export type { paths, components, operations } from '@session-obs/types';
