// The request target split without trusting it: `new URL()` would read `//host/x` as another host, and
// `decodeURIComponent` throws on a malformed escape (what took Prism down on `/sessions/%FF/errors`). The
// path stays percent-encoded (the router decodes the segments it matches); the query goes through
// URLSearchParams, which never throws (a malformed escape stays as sent, invalid UTF-8 becomes U+FFFD).

/** A request target split into its raw path and its parsed query. */
export interface RequestTarget {
  /** The path as sent, still percent-encoded, without query or fragment. */
  path: string;
  query: URLSearchParams;
}

/** Splits an origin-form (`/a?b`) or absolute-form (`http://h/a?b`) target; undefined for any other form (`*`, `a`). */
export function parseTarget(raw: string): RequestTarget | undefined {
  const authority = /^https?:\/\/[^/?#]*/i.exec(raw)?.[0];
  let rest = authority === undefined ? raw : raw.slice(authority.length);
  if (authority !== undefined && !rest.startsWith('/')) rest = `/${rest}`;
  if (!rest.startsWith('/')) return undefined;
  rest = rest.split('#', 1)[0]!;
  const mark = rest.indexOf('?');
  if (mark < 0) return { path: rest, query: new URLSearchParams() };
  return { path: rest.slice(0, mark), query: new URLSearchParams(rest.slice(mark + 1)) };
}
