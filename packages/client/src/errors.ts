// Typed errors. Every failure the helpers throw is an `ApiError`; `kind` discriminates for `switch`
// and each kind has its own class for `instanceof`. Errors never hold the request (its
// `Authorization` header would leak the token through `util.inspect` or a logger).
// The subclasses are made by one small factory (`name` lives on the prototype, `kind` is an own copy) to
// keep the bundle small; they are real classes: `instanceof` works and the stack starts with their name.

/** Discriminant of every error this client throws: the name of its class. */
export type ApiErrorKind =
  | 'BadRequestError'
  | 'UnauthorizedError'
  | 'ForbiddenError'
  | 'NotFoundError'
  | 'RateLimitError'
  | 'ServerError'
  | 'HttpError'
  | 'ConnectionError'
  | 'TimeoutError'
  | 'AbortError';

/** Fields every `ApiError` is built from. */
export interface ApiErrorInit {
  /** HTTP status, or `undefined` when no response arrived (connection, timeout, abort). */
  status?: number | undefined;
  /** Machine-readable code: the session dialect's `code`, the observability dialect's `type`, or ours. */
  code: string;
  message: string;
  /** The response's `X-Request-Id` (or `metorial-req-id`) header, when present. */
  requestId?: string | undefined;
  /** The parsed error body (JSON), its text when it is not JSON, or `undefined`. */
  body?: unknown;
  /** Milliseconds the server asked us to wait (`Retry-After`, else the body's `retry_after`). */
  retryAfterMs?: number | undefined;
  cause?: unknown;
}

/** Base class of every error thrown by the client's helpers (`unwrap`, `pages`, `paginate`) and transport. */
export class ApiError extends Error {
  /** The concrete class's name, as a literal type: `switch (err.kind) { case 'RateLimitError': … }`. */
  declare readonly kind: ApiErrorKind;
  /** HTTP status; `undefined` for connection errors, timeouts and aborts. */
  declare readonly status: number | undefined;
  /** The session dialect's `code`, the observability dialect's `type`, or ours (`timeout`, `connection_error`, `aborted`, `http_<status>`). */
  declare readonly code: string;
  /** The response's request id, for support tickets. */
  declare readonly requestId: string | undefined;
  /** The parsed error body (either dialect), its text when not JSON, or `undefined`. */
  declare readonly body: unknown;
  /** The wait the response asked for (`Retry-After`, else the body's `retry_after`), in ms; set on HTTP errors. */
  declare readonly retryAfterMs?: number | undefined;

  constructor(init: ApiErrorInit) {
    // Error takes `cause` from the init; assigning `message` and `cause` again keeps them as Error made them.
    super(init.message, init);
    Object.assign(this, { kind: this.name }, init);
  }
}

/** A concrete error class: `kind` is fixed, `status` is a number for HTTP errors and `undefined` otherwise. */
export type ApiErrorClass<K extends ApiErrorKind, S> = {
  new (init: ApiErrorInit): ApiErrorOf<K, S>;
  readonly prototype: ApiErrorOf<K, S>;
};
/** The instance type of an {@link ApiErrorClass}. */
export type ApiErrorOf<K extends ApiErrorKind, S> = ApiError & { readonly kind: K; readonly name: K; readonly status: S };

// A computed key names the class, so `util.inspect` and devtools show `RateLimitError`.
const errorClass = <K extends ApiErrorKind, S = number>(prefix: K extends `${infer P}Error` ? P : never): ApiErrorClass<K, S> => {
  const name = prefix + 'Error';
  const C = { [name]: class extends ApiError {} }[name]!;
  C.prototype.name = name;
  return C as unknown as ApiErrorClass<K, S>;
};

/** 400: the request was invalid (`invalid_data`, `bad_request`, observability `invalid_field`, …). */
export const BadRequestError = errorClass<'BadRequestError'>('BadRequest');
export type BadRequestError = InstanceType<typeof BadRequestError>;
/** 401: missing, invalid, expired or revoked token. */
export const UnauthorizedError = errorClass<'UnauthorizedError'>('Unauthorized');
export type UnauthorizedError = InstanceType<typeof UnauthorizedError>;
/** 403: the token may not do this. */
export const ForbiddenError = errorClass<'ForbiddenError'>('Forbidden');
export type ForbiddenError = InstanceType<typeof ForbiddenError>;
/** 404: the object (or route) does not exist; the session body names `entity` and `id`. */
export const NotFoundError = errorClass<'NotFoundError'>('NotFound');
export type NotFoundError = InstanceType<typeof NotFoundError>;
/** 429 (after the retries): `retryAfterMs` is the wait the server asked for, when it said. */
export const RateLimitError = errorClass<'RateLimitError'>('RateLimit');
export type RateLimitError = InstanceType<typeof RateLimitError>;
/** 5xx (after the retries). */
export const ServerError = errorClass<'ServerError'>('Server');
export type ServerError = InstanceType<typeof ServerError>;
/** Any other non-2xx status (e.g. 413 `request_entity_too_large`). */
export const HttpError = errorClass<'HttpError'>('Http');
export type HttpError = InstanceType<typeof HttpError>;
/** No response: DNS, refused or reset connection, TLS, or a `fetch` that threw. `cause` is the original error. */
export const ConnectionError = errorClass<'ConnectionError', undefined>('Connection');
export type ConnectionError = InstanceType<typeof ConnectionError>;
/** No response headers within `timeoutMs`, on every attempt. */
export const TimeoutError = errorClass<'TimeoutError', undefined>('Timeout');
export type TimeoutError = InstanceType<typeof TimeoutError>;
/**
 * The caller's `AbortSignal` fired (during a request or a retry wait). `name` is `'AbortError'`, like
 * fetch's own DOMException, so `err.name === 'AbortError'` checks keep working; `cause` is `signal.reason`.
 */
export const AbortError = errorClass<'AbortError', undefined>('Abort');
export type AbortError = InstanceType<typeof AbortError>;

/** Union of every concrete error, for an exhaustive `switch (err.kind)`. */
export type AnyApiError =
  | BadRequestError
  | UnauthorizedError
  | ForbiddenError
  | NotFoundError
  | RateLimitError
  | ServerError
  | HttpError
  | ConnectionError
  | TimeoutError
  | AbortError;

/** True for any error of this client; narrows to the discriminated union. */
export function isApiError(value: unknown): value is AnyApiError {
  return value instanceof ApiError;
}

const BY_STATUS: Record<number, ApiErrorClass<ApiErrorKind, number>> = {
  400: BadRequestError,
  401: UnauthorizedError,
  403: ForbiddenError,
  404: NotFoundError,
  429: RateLimitError,
};
const text = (v: unknown): string | undefined => (typeof v == 'string' && v) || undefined;

/**
 * Builds the typed error for a non-2xx response from its parsed body (either dialect). `secret` (the
 * token) is redacted from the message, in case a server echoes the Authorization header back.
 */
export const errorFromResponse = (response: Response, body: unknown, secret?: string): AnyApiError => {
  const { status, headers } = response;
  // Object() boxes a text or missing body into an object without own fields.
  const o = Object(body) as Record<string, unknown>;
  const code = text(o.code) ?? text(o.type) ?? `http_${status}`;
  const requestId = headers.get('x-request-id') ?? headers.get('metorial-req-id') ?? undefined;
  const Class = BY_STATUS[status] ?? (status >= 500 ? ServerError : HttpError);
  return new Class({
    status,
    code,
    requestId,
    body,
    message: `${text(o.message) ?? text(o.detail) ?? 'HTTP error'} (${status} ${code}${requestId ? ' ' + requestId : ''})`.replaceAll(
      secret || '\0',
      '[redacted]',
    ),
    retryAfterMs: retryAfterMs(response, o),
  }) as AnyApiError;
};

/**
 * The wait a response asks for, in ms: `Retry-After` (delta-seconds or an HTTP date), else a parsed
 * body's `retry_after` seconds; `undefined` when neither is usable.
 */
export const retryAfterMs = (response: Response, body?: unknown): number | undefined => {
  const header = response.headers.get('retry-after');
  if (header) {
    const ms = isNaN(+header) ? Date.parse(header) - Date.now() : +header * 1000;
    if (ms === ms) return Math.max(0, ms);
  }
  const seconds = (body as { retry_after?: unknown } | null | undefined)?.retry_after;
  return typeof seconds == 'number' && seconds >= 0 ? seconds * 1000 : undefined;
};
