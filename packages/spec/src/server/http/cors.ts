// CORS for the API servers, from an allow-list of origins. A browser page (the docs' Try it console) may
// call a server from another origin only when the operator allowed that origin: never a reflected arbitrary
// origin, and never credentials (the API authenticates with a bearer header, not cookies), so a wildcard
// can never be combined with them. The preflight answers with fixed methods and headers, not echoes.

/** Which origins may call: `'*'` (any, without credentials) or an exact list of `scheme://host[:port]`. */
export type CorsOrigins = '*' | readonly string[];

/** Headers a browser may send on the API's requests. */
const ALLOWED_HEADERS = 'Authorization, Content-Type, Prefer';
/** Response headers a page on another origin may read (the Try it console shows them). */
const EXPOSED_HEADERS = 'X-Request-Id, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Retry-After, Allow';

/** Normalises and checks a configured origin list (`https://docs.example.com,http://localhost:8080`); throws on a malformed entry. */
export function parseCorsOrigins(text: string): CorsOrigins {
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 1 && entries[0] === '*') return '*';
  // An empty list would allow no origin at all, silently: an operator who means that can leave the option out.
  if (entries.length === 0) throw new Error('the CORS origin list is empty: give origins such as https://docs.example.com, or *');
  return entries.map((entry) => {
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      throw new Error(`CORS origin "${entry}" is not an origin such as https://docs.example.com`);
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.pathname !== '/' || url.search || entry.endsWith('/'))
      throw new Error(`CORS origin "${entry}" is not an origin such as https://docs.example.com (scheme, host and port only)`);
    // A browser sends the page's exact origin: a pattern would match nothing, and the operator would not know.
    if (url.hostname.includes('*'))
      throw new Error(`CORS origin "${entry}" has a wildcard: list each origin (https://a.example.com,https://b.example.com), or * alone`);
    return url.origin;
  });
}

/** Whether `origin` (a request's `Origin` header) may read answers. */
export function originAllowed(origins: CorsOrigins, origin: string | undefined): boolean {
  if (!origin) return false;
  return origins === '*' || origins.includes(origin);
}

/** Methods a page may send cross-origin whatever the list says: they change nothing (CORS hides the answer). */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a write (any method but GET, HEAD, OPTIONS) comes from a browser page whose origin is not on the
 * list: such a request is refused before it runs. Requests without `Origin` (curl, servers) and any origin
 * under `'*'` pass.
 */
export function originRefused(origins: CorsOrigins, method: string, origin: string | undefined): boolean {
  return origins !== '*' && origin !== undefined && !SAFE_METHODS.has(method) && !origins.includes(origin);
}

/** The CORS headers of an answer to a request from `origin` (none when the origin is not allowed). */
export function corsHeaders(origins: CorsOrigins, origin: string | undefined): Record<string, string> {
  if (origins === '*') return { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': EXPOSED_HEADERS };
  const headers: Record<string, string> = { Vary: 'Origin' };
  if (origin && origins.includes(origin)) {
    headers['Access-Control-Allow-Origin'] = origin;
    headers['Access-Control-Expose-Headers'] = EXPOSED_HEADERS;
  }
  return headers;
}

/** The headers of a preflight's answer: fixed methods (`allowMethods`) and headers, cached for 10 minutes; none for a refused origin. */
export function preflightHeaders(
  origins: CorsOrigins,
  origin: string | undefined,
  allowMethods: readonly string[],
): Record<string, string> {
  const headers = corsHeaders(origins, origin);
  if (!originAllowed(origins, origin)) return headers;
  return {
    ...headers,
    'Access-Control-Allow-Methods': allowMethods.join(', '),
    'Access-Control-Allow-Headers': ALLOWED_HEADERS,
    'Access-Control-Max-Age': '600',
  };
}
