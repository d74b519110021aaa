// Reading the bearer token of a request, for the 401 a server owes when there is none.
import type { UnauthorizedReason } from './error-dialects.js';

/** A request's bearer token, or why it has none (a server adds `unknown_token` when it refuses the token). */
export type BearerToken = { token: string } | { reason: Exclude<UnauthorizedReason, 'unknown_token'> };

/**
 * Reads `Authorization: Bearer <token>` (the scheme is case-insensitive). A header that is missing,
 * empty or `Bearer` without one token is `missing`; any other scheme is `not_bearer`.
 */
export function readBearerToken(authorization: string | readonly string[] | undefined): BearerToken {
  const header = (typeof authorization === 'string' ? authorization : (authorization?.[0] ?? '')).trim();
  const match = /^Bearer +(\S+)$/i.exec(header);
  if (match) return { token: match[1]! };
  return { reason: header === '' || /^Bearer(\s|$)/i.test(header) ? 'missing' : 'not_bearer' };
}
