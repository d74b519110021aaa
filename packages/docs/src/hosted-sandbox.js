// @ts-check
// The hosted sandbox a docs build may point Try it at (`DOCS_SANDBOX_URL`): checked at build time and
// added to the rendered spec's root `servers`, marked `x-hosted-sandbox`. From there the console offers
// it first (with "Get a sandbox key") and the page's CSP, computed from the spec's servers by the docs
// server and by `_headers`, lets the page connect to it. Without the variable nothing changes.

/** The description the hosted sandbox carries in the spec, Redoc's server list and the console. */
export const HOSTED_DESCRIPTION = 'Sandbox (hosted)';
/** The extension that marks the hosted sandbox's `servers` entry. */
export const HOSTED_MARK = 'x-hosted-sandbox';

/**
 * The hosted sandbox URL of `DOCS_SANDBOX_URL` without a trailing slash, or undefined when it is unset or
 * empty; throws with a one-line message when it is not an absolute http(s) URL without query,
 * fragment or credentials.
 * @param {NodeJS.ProcessEnv} env
 * @returns {string | undefined}
 */
export function hostedSandboxUrl(env) {
  const text = env.DOCS_SANDBOX_URL?.trim();
  if (!text) return undefined;
  const wrong = (/** @type {string} */ why) =>
    new Error(`DOCS_SANDBOX_URL must be the http(s) URL of a hosted sandbox, such as https://sandbox.example.com: "${text}" ${why}.`);
  /** @type {URL} */
  let url;
  try {
    url = new URL(text);
  } catch {
    throw wrong('is not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw wrong(`has the scheme ${url.protocol.slice(0, -1)}`);
  if (url.username || url.password) throw wrong('carries credentials');
  if (url.search || url.hash || text.includes('?') || text.includes('#')) throw wrong('has a query or a fragment');
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/**
 * `spec` with the hosted sandbox added last to its root `servers` (the production server stays first);
 * `spec` itself when `url` is undefined.
 * @template {object} T
 * @param {T} spec
 * @param {string | undefined} url
 * @returns {T}
 */
export function withHostedSandbox(spec, url) {
  if (!url) return spec;
  const given = /** @type {{ servers?: Array<{ url: string }> }} */ (spec).servers ?? [];
  const servers = given.filter((server) => server.url !== url);
  return { ...spec, servers: [...servers, { url, description: HOSTED_DESCRIPTION, [HOSTED_MARK]: true }] };
}
