// Where each call goes and with which credential. The operation → server/credential table is generated
// from the spec (src/generated/upstreams.ts); this module applies the caller's options to it. Written
// tersely on purpose: every byte here counts against the client's size budget.
import { mergeHeaders, type HeadersOptions } from 'openapi-fetch';
import { MissingCredentialError } from './errors.js';
import { OTHER_UPSTREAM_OPERATIONS, ROOT_CREDENTIAL, SERVERS, type Credential } from './generated/upstreams.js';

export type { Credential } from './generated/upstreams.js';

/** One upstream API's settings: its credential, and optionally another origin than the spec's server. */
export interface UpstreamOptions {
  /** Sent as `Authorization: Bearer <token>` to this upstream's operations only; redacted from error messages. */
  token?: string | undefined;
  /** Origin for this upstream's operations. Default: the server the spec declares for them. */
  baseUrl?: string | undefined;
}

/** The options `resolveUpstreams` reads (a subset of `ClientOptions`). */
export interface UpstreamChoice extends Partial<Record<Credential, UpstreamOptions | undefined>> {
  baseUrl?: string | undefined;
  token?: string | undefined;
}

/** What each credential option resolved to: its token (if any) and the origin its operations go to. */
export type ResolvedUpstreams = Record<Credential, { token: string | undefined; baseUrl: string }>;

/** True for an http(s) URL, resolved against the page in a browser: `localhost:4010` (no scheme) parses with the scheme `localhost:`. */
function isHttpUrl(url: string): boolean {
  try {
    return /^https?:$/.test(new URL(url, globalThis.location?.href).protocol);
  } catch {
    return false;
  }
}

/**
 * Applies the options to each upstream. A part's own `token`/`baseUrl` win. The shared `baseUrl` sends
 * every upstream without a `baseUrl` of its own there (a mock or sandbox serving all operations); the
 * shared `token` is the root scheme's credential and, with a shared `baseUrl`, that of every upstream
 * sent there: a credential is never sent to another upstream's production server. Throws a `TypeError`
 * for a base URL that is not http(s) (a relative one resolves against the page in a browser), a token
 * that is not visible ASCII (no header can carry it), or no token.
 */
export function resolveUpstreams(options: UpstreamChoice): ResolvedUpstreams {
  const resolved = {} as ResolvedUpstreams;
  let tokens = 0;
  for (const credential of Object.keys(SERVERS) as Credential[]) {
    const part = options[credential] ?? {};
    const baseUrl = part.baseUrl ?? options.baseUrl;
    if (baseUrl !== undefined && !isHttpUrl(baseUrl))
      throw new TypeError(`createClient: invalid ${part.baseUrl ? `${credential}.` : ''}baseUrl ${baseUrl} (an http: or https: URL)`);
    const shared = credential === ROOT_CREDENTIAL || (options.baseUrl !== undefined && part.baseUrl === undefined);
    // Sent trimmed: a pasted token often carries a newline or spaces.
    const own = part.token?.trim();
    const token = own || (shared && options.token?.trim()) || undefined;
    // Checked here: fetch would throw an untyped TypeError on every call (some quoting the whole token), or a
    // server would refuse a token with a space in it.
    const bad = token?.search(/[^!-~]/) ?? -1;
    if (bad >= 0)
      throw new TypeError(
        `createClient: ${own ? `${credential}.` : ''}token has U+${token!.codePointAt(bad)!.toString(16).toUpperCase().padStart(4, '0')} at position ${bad + 1} (a bearer token is visible ASCII)`,
      );
    if (token) tokens++;
    resolved[credential] = { token, baseUrl: baseUrl ?? SERVERS[credential] };
  }
  if (!tokens) throw new TypeError('createClient: token required');
  return resolved;
}

/**
 * The init of one call: its upstream's origin and credential header (a per-call `baseUrl` or
 * `Authorization` wins). A path the spec lacks goes to the root upstream. Throws `MissingCredentialError`,
 * naming the option to set, when the call would go without a credential.
 */
export function routeCall<Init extends { baseUrl?: string; headers?: HeadersOptions }>(
  upstreams: ResolvedUpstreams,
  method: string,
  path: string,
  init: Init,
): Init & { baseUrl: string; headers: Headers } {
  const key = `${method.toUpperCase()} ${path}`;
  const credential = OTHER_UPSTREAM_OPERATIONS[key] ?? ROOT_CREDENTIAL;
  const { token, baseUrl } = upstreams[credential];
  const headers = mergeHeaders(token ? { Authorization: `Bearer ${token}` } : {}, init.headers);
  if (!headers.has('authorization'))
    throw new MissingCredentialError({
      code: 'missing_credential',
      message: `${key} needs ${credential}.token: set it in createClient's options`,
    });
  return { ...init, baseUrl: init.baseUrl ?? baseUrl, headers };
}
