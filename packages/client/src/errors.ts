// Typed errors. Every failure the helpers throw is an `ApiError`; `kind` discriminates for `switch`
// and each kind has its own class for `instanceof`. Errors never hold the request: its
// `Authorization` header would leak the token through `util.inspect` or a logger.

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
  | 'AbortError'
  | 'MissingCredentialError'
  | 'PaginationError'
  | 'InvalidResponseError';

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

/**
 * Base class of every error thrown by the client's helpers (`unwrap`, `pages`, `paginate`) and transport.
 * `Kind` is the concrete class's name; `Status` is `number` for HTTP errors and `undefined` for the others.
 */
export class ApiError<Kind extends ApiErrorKind = ApiErrorKind, Status extends number | undefined = number | undefined> extends Error {
  /** HTTP status; `undefined` for connection errors, timeouts and aborts. */
  declare readonly status: Status;
  /** The session dialect's `code`, the observability dialect's `type`, or ours (`timeout`, `connection_error`, `aborted`, `http_<status>`). */
  declare readonly code: string;
  /** The response's request id, for support tickets. */
  declare readonly requestId: string | undefined;
  /** The parsed error body (either dialect), its text when not JSON, or `undefined`. */
  declare readonly body: unknown;
  /** The wait the response asked for (`Retry-After`, else the body's `retry_after`), in ms; set on HTTP errors. */
  declare readonly retryAfterMs?: number | undefined;
  declare readonly name: Kind;

  constructor(init: ApiErrorInit) {
    // Error reads only `cause` from the init (and only when it is there).
    super(init.message, init);
    const { status, code, requestId, body, retryAfterMs } = init;
    Object.assign(this, { status, code, requestId, body, retryAfterMs });
  }

  /** The concrete class's name, as a literal type: `switch (err.kind) { case 'RateLimitError': … }`. */
  get kind(): Kind {
    return this.name;
  }
}

// Each class names itself with a string: a minifier renames classes, and `name` is what people log and compare.

/** 400: the request was invalid (`invalid_data`, `bad_request`, observability `invalid_field`, …). */
export class BadRequestError extends ApiError<'BadRequestError', number> {
  override readonly name = 'BadRequestError';
}
/** 401: missing, invalid, expired or revoked token. */
export class UnauthorizedError extends ApiError<'UnauthorizedError', number> {
  override readonly name = 'UnauthorizedError';
}
/** 403: the token may not do this. */
export class ForbiddenError extends ApiError<'ForbiddenError', number> {
  override readonly name = 'ForbiddenError';
}
/** 404: the object (or route) does not exist; the session body names `entity` and `id`. */
export class NotFoundError extends ApiError<'NotFoundError', number> {
  override readonly name = 'NotFoundError';
}
/** 429 (after the retries): `retryAfterMs` is the wait the server asked for, when it said. */
export class RateLimitError extends ApiError<'RateLimitError', number> {
  override readonly name = 'RateLimitError';
}
/** 5xx (after the retries). */
export class ServerError extends ApiError<'ServerError', number> {
  override readonly name = 'ServerError';
}
/** Any other non-2xx status (e.g. 413 `request_entity_too_large`). */
export class HttpError extends ApiError<'HttpError', number> {
  override readonly name = 'HttpError';
}
/** No response: DNS, refused or reset connection, TLS, or a `fetch` that threw. `cause` is the original error. */
export class ConnectionError extends ApiError<'ConnectionError', undefined> {
  override readonly name = 'ConnectionError';
}
/** No response headers within `timeoutMs`, on every attempt. */
export class TimeoutError extends ApiError<'TimeoutError', undefined> {
  override readonly name = 'TimeoutError';
}
/**
 * The caller's `AbortSignal` fired (during a request or a retry wait). `name` is `'AbortError'`, like
 * fetch's own DOMException, so `err.name === 'AbortError'` checks keep working; `cause` is `signal.reason`.
 */
export class AbortError extends ApiError<'AbortError', undefined> {
  override readonly name = 'AbortError';
}

/**
 * A call whose operation takes a credential that `createClient` was not given: rejected before any
 * request. The message names the option to set (`devrev.token`); `code` is `missing_credential`.
 */
export class MissingCredentialError extends ApiError<'MissingCredentialError', undefined> {
  override readonly name = 'MissingCredentialError';
}
/**
 * A `pages`/`paginate` walk that cannot end: a page says there is more, but its cursor id was already
 * followed (the server repeats itself). The message names the operation; `code` is `cursor_not_advancing`.
 */
export class PaginationError extends ApiError<'PaginationError', undefined> {
  override readonly name = 'PaginationError';
}
/**
 * A successful response whose body is not what the operation returns: not JSON (a proxy's HTML page, a body
 * cut short), or, for `pages`/`paginate`, not a list. `code` is `invalid_response`; `cause` is the parse error.
 */
export class InvalidResponseError extends ApiError<'InvalidResponseError', undefined> {
  override readonly name = 'InvalidResponseError';
}

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
  | AbortError
  | MissingCredentialError
  | PaginationError
  | InvalidResponseError;

/** True for any error of this client; narrows to the discriminated union. */
export function isApiError(value: unknown): value is AnyApiError {
  return value instanceof ApiError;
}

/** The caller's abort as a typed error (`cause` is the signal's reason). */
export function abortError(signal: AbortSignal): AbortError {
  return new AbortError({ code: 'aborted', message: 'Aborted by the caller', cause: signal.reason });
}

const CLASS_BY_STATUS: Partial<Record<number, new (init: ApiErrorInit) => AnyApiError>> = {
  400: BadRequestError,
  401: UnauthorizedError,
  403: ForbiddenError,
  404: NotFoundError,
  429: RateLimitError,
};

/** A field of a parsed body when it is a non-empty string. */
const textField = (body: unknown, key: string): string | undefined => {
  const value = body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' && value ? value : undefined;
};

/**
 * `text` with every echo of `token` replaced by `[redacted]`. A token shorter than 8 characters (the mock
 * takes any, e.g. `t`) is a secret of no one's and would garble the message (`not_found`): it is replaced
 * only where it stands as a word. A longer one is replaced wherever it appears.
 */
function redact(text: string, token: string): string {
  let out = '';
  let from = 0;
  for (let at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + token.length)) {
    // A short token with token characters (RFC 6750's b64token) on either side: part of a longer word. `=` ends one only.
    if (token.length < 8 && (/[\w.~+/-]/.test(text[at - 1] ?? '') || /[\w.~+/=-]/.test(text[at + token.length] ?? ''))) continue;
    out += text.slice(from, at) + '[redacted]';
    from = at + token.length;
  }
  return out + text.slice(from);
}

/** `text` parsed as JSON, or `text` itself when it is not JSON. */
function parseOr(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Builds the typed error for a non-2xx response from its parsed body (either dialect). `secret` (a token,
 * or every token) is redacted from the message and the body, in case a server echoes the Authorization
 * header back: a logged error must not carry it.
 */
export function errorFromResponse(response: Response, body: unknown, secret?: string | readonly string[]): AnyApiError {
  const { status, headers } = response;
  const code = textField(body, 'code') ?? textField(body, 'type') ?? `http_${status}`;
  const requestId = headers.get('x-request-id') ?? headers.get('metorial-req-id') ?? undefined;
  const detail = textField(body, 'message') ?? textField(body, 'detail') ?? 'HTTP error';
  const clean = (text: string) => [secret ?? []].flat().reduce((out, token) => (token ? redact(out, token) : out), text);
  const message = clean(`${detail} (${status} ${code}${requestId ? ` ${requestId}` : ''})`);
  // The body's JSON text, redacted, is parsed back only when something was redacted (else the body is kept as
  // is); a token that spanned the JSON's syntax leaves the redacted text.
  const json = JSON.stringify(body) ?? '';
  const redacted = clean(json);
  if (redacted !== json) body = parseOr(redacted);
  const ErrorClass = CLASS_BY_STATUS[status] ?? (status >= 500 ? ServerError : HttpError);
  return new ErrorClass({ status, code, requestId, body, message, retryAfterMs: retryAfterMs(response, body) });
}

/**
 * The wait a response asks for, in ms: `Retry-After` (delta-seconds or an HTTP date, measured from `now`),
 * else a parsed body's `retry_after` seconds; `undefined` when neither is usable.
 */
export function retryAfterMs(response: Response, body?: unknown, now = Date.now()): number | undefined {
  const header = response.headers.get('retry-after');
  if (header) {
    const ms = Number.isNaN(Number(header)) ? Date.parse(header) - now : Number(header) * 1000;
    if (!Number.isNaN(ms)) return Math.max(0, ms);
  }
  const seconds = body !== null && typeof body === 'object' ? (body as { retry_after?: unknown }).retry_after : undefined;
  return typeof seconds === 'number' && seconds >= 0 ? seconds * 1000 : undefined;
}
