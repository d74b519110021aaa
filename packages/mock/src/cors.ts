// CORS as Prism's own server answers it, so browsers (the docs' "Try it" console) can call the mock from
// any origin: every answer allows the caller's origin, and a preflight succeeds for whatever method and
// headers it asks about (`Authorization`, `Prefer`, …); a method the API lacks then gets its 405.
import type { IncomingHttpHeaders } from 'node:http';

/** The CORS headers every answer carries. */
export function corsHeaders(request: IncomingHttpHeaders): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': echo(request.origin) ?? '*',
    'Access-Control-Allow-Credentials': 'true',
    'Access-Control-Expose-Headers': '*',
    Vary: 'Origin',
  };
}

/** The answer's headers to a preflight (`OPTIONS` with `Origin` and `Access-Control-Request-Method`), or undefined when it is not one. */
export function preflightHeaders(request: IncomingHttpHeaders): Record<string, string> | undefined {
  const method = echo(request['access-control-request-method']);
  if (!request.origin || !method) return undefined;
  return {
    ...corsHeaders(request),
    'Access-Control-Allow-Methods': method,
    'Access-Control-Allow-Headers': echo(request['access-control-request-headers']) ?? 'Authorization, Prefer, Content-Type',
    'Access-Control-Max-Age': '600',
  };
}

/** A request header value that may be sent back as is (Node refuses control characters in a response header). */
function echo(value: string | undefined): string | undefined {
  return value && /^[\t\x20-\x7e\x80-\xff]{1,1024}$/.test(value) ? value : undefined;
}
